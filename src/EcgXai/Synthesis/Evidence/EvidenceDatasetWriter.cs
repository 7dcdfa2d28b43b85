using System.Diagnostics;
using EcgXai.IO;

namespace EcgXai.Synthesis.Evidence;

/// <summary>
/// Writes a planted-evidence data set in the PTB-XL layout (so <c>train --data ptbxl:DIR</c> reads it): records labelled
/// with the kind's positive class (e.g. <c>EVIDENCE_P_ABSENT</c>) or NORM, each with its <c>.waves</c> sidecar and an
/// <c>.evidence</c> sidecar (<see cref="EvidenceRegion"/>) at 500 Hz and 100 Hz. At 100 Hz the region is widened by the
/// reach of the decimation filter's taps above 1 % of its peak, where the cue's filtered image still lies.
/// </summary>
public static class EvidenceDatasetWriter
{
    /// <summary>Fraction of the decimation filter's peak tap that bounds the 100 Hz region.</summary>
    public const double ReachFraction = 0.01;

    /// <summary>Writes the data set, reporting the number of records done.</summary>
    public static SyntheticDatasetSummary Write(EvidenceOptions options, IProgress<int>? progress = null)
    {
        if (options.Records < 2 || !(options.PositiveShare > 0 && options.PositiveShare < 1))
        {
            throw new ArgumentException($"an evidence data set needs at least two records and a positive share in (0, 1) (got {options.Records}, {options.PositiveShare})");
        }
        options.Population.Validate();
        string dir = Path.GetFullPath(options.OutputDirectory);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new EcgXaiException(dir, "output directory exists and is not empty; choose a new one");
        }
        Directory.CreateDirectory(dir);
        var writer = new PtbXlLayoutWriter(dir, options.Seed, options.Population.SampleRate);
        int reach = SyntheticRecord.DecimationReach(5, ReachFraction);
        var clock = Stopwatch.StartNew();
        var patients = new SyntheticPatient[options.Records];
        int done = 0;
        Parallel.For(0, options.Records, i =>
        {
            EvidenceRecord e = EvidenceGenerator.Generate(options, i, writer.RecordId(i));
            writer.WriteRecord(i, e.Record);
            e.Region.Save(Path.Combine(dir, PtbXlLayoutWriter.RelativePath(i, "500", "hr")) + EvidenceRegion.Extension);
            e.Region.Decimate(5, reach).Save(Path.Combine(dir, PtbXlLayoutWriter.RelativePath(i, "100", "lr")) + EvidenceRegion.Extension);
            patients[i] = e.Record.Patient;
            int count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == options.Records)
            {
                progress?.Report(count);
            }
        });
        writer.WriteIndex(patients);
        string label = EvidenceKinds.Label(options.Kind);
        int positives = patients.Count(p => p.Has(label));
        return new SyntheticDatasetSummary(dir, options.Records,
            [new(label, positives), new(SyntheticLabels.Normal, options.Records - positives)], clock.Elapsed.TotalSeconds);
    }
}
