using System.Globalization;
using System.Text;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Synthesis;

/// <summary>
/// The CPSC-2018 layout as distributed by the CinC Challenge: WFDB records <c>A0001</c>… at 500 Hz of 6–60 s
/// (format 16, CinC header style with <c>#Age:</c>, <c>#Sex:</c> and <c>#Dx:</c> SNOMED CT codes, a <c>.waves</c>
/// sidecar each) and <c>REFERENCE.csv</c> with up to three CPSC codes (1 normal, 2 AF, 3 I-AVB, 4 LBBB, 5 RBBB).
/// SB and ST have no CPSC code: they are only in <c>#Dx</c>, and a record whose labels have none (SB or ST alone)
/// has an empty First_label, so that the union of REFERENCE.csv and <c>#Dx</c> that the loader forms is exactly
/// the record's labels (code 1 there would add NORM).
/// </summary>
internal sealed class Cpsc2018LayoutWriter(string directory) : ISyntheticLayoutWriter
{
    /// <summary>Name of the index file.</summary>
    public const string ReferenceFile = "REFERENCE.csv";

    /// <inheritdoc />
    public string RecordId(int index) => "A" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public double DurationSeconds(SynthRandom rng) => rng.Bernoulli(0.75) ? rng.Uniform(6, 20) : rng.Uniform(20, 60);

    /// <inheritdoc />
    public void WriteRecord(int index, SyntheticRecord record)
    {
        string path = Path.Combine(directory, RecordId(index));
        EcgRecord withCodes = record.Record with { SourceLabels = record.Patient.Labels.Select(SyntheticLabels.SnomedCode).ToArray() };
        WfdbWriter.Write(path, withCodes, WfdbWriteOptions.Cinc);
        record.Waves.Save(WaveAnnotation.SidecarPath(path));
    }

    /// <inheritdoc />
    public void WriteIndex(IReadOnlyList<SyntheticPatient> patients)
    {
        var csv = new StringBuilder("Recording,First_label,Second_label,Third_label\n");
        for (int i = 0; i < patients.Count; i++)
        {
            var codes = patients[i].Labels.Select(SyntheticLabels.CpscCode).OfType<int>().ToList();
            csv.Append(RecordId(i));
            for (int c = 0; c < 3; c++)
            {
                csv.Append(',');
                if (c < codes.Count)
                {
                    csv.Append(codes[c].ToString(CultureInfo.InvariantCulture));
                }
            }
            csv.Append('\n');
        }
        AtomicFile.WriteText(Path.Combine(directory, ReferenceFile), csv.ToString());
    }
}
