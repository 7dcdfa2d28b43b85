using System.Globalization;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// SPH (Shandong Provincial Hospital, CinC 2021): HDF5 records <c>*.h5</c> (dataset <c>ecg</c>, 12 x N mV) described by
/// <c>metadata.csv</c> (<c>ECG_ID, Patient_ID, Age, Sex, fs, SNOMEDCTCode</c>, codes comma-separated). A file without a
/// metadata row is skipped as "no-metadata"; a row without its file as "missing-file".
/// </summary>
public sealed class SphLoader : IDatasetLoader
{
    /// <summary>The metadata file name.</summary>
    public const string MetadataFile = "metadata.csv";

    /// <inheritdoc />
    public DatasetIndexContent Index(string root, double? targetRate)
    {
        string metadata = Path.Combine(root, MetadataFile);
        CsvTable table = CsvTable.Read(metadata);
        int id = table.Column("ECG_ID"), patient = table.Column("Patient_ID"), age = table.Column("Age"), sex = table.Column("Sex"),
            fs = table.Column("fs"), codes = table.Column("SNOMEDCTCode");
        var skipped = new SkipCounter();
        var entries = new List<DatasetEntry>(table.Rows.Count);
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string file = CsvTable.Field(row, id).Trim();
            string recordId = Path.GetFileNameWithoutExtension(file);
            string? path = ContainedPath.TryResolve(root, file.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) ? file : file + ".h5");
            if (path is null)
            {
                skipped.Add(new SkippedRecord(recordId, metadata, ContainedPath.OutsideReason,
                    $"ECG_ID '{ContainedPath.Printable(file)}' resolves outside the dataset folder {Path.GetFullPath(root)}"));
                continue;
            }
            described.Add(Path.GetFileName(path));
            if (!File.Exists(path))
            {
                skipped.Add(new SkippedRecord(recordId, path, "missing-file", $"named in {metadata} but the file does not exist"));
                continue;
            }
            if (!double.TryParse(CsvTable.Field(row, fs).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !(rate > 0))
            {
                skipped.Add(new SkippedRecord(recordId, metadata, "sample-rate", $"fs '{CsvTable.Field(row, fs).Trim()}' is not a positive number"));
                continue;
            }
            string[] snomed = CsvTable.Field(row, codes).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            (IReadOnlyList<string> labels, IReadOnlyList<string> unmapped) = LabelMap.Encode(snomed, LabelVocabulary.Snomed);
            string patientId = CsvTable.Field(row, patient).Trim();
            entries.Add(new DatasetEntry(recordId, patientId.Length > 0 ? patientId : recordId, DatasetText.Age(CsvTable.Field(row, age)),
                DatasetText.Sex(CsvTable.Field(row, sex)), snomed, labels, unmapped, path, [path], SampleRate: rate));
        }
        foreach (string orphan in Directory.EnumerateFiles(root, "*.h5").Where(f => !described.Contains(Path.GetFileName(f))))
        {
            skipped.Add(new SkippedRecord(Path.GetFileNameWithoutExtension(orphan), orphan, "no-metadata", $"{metadata} has no row for it"));
        }
        return new DatasetIndexContent(entries, skipped.ToDictionary(), new Dictionary<string, int>(), [metadata]) { SkippedRecords = skipped.Records(), ReadableLabels = LabelMap.Expressible(LabelVocabulary.Snomed) };
    }

    /// <inheritdoc />
    public EcgRecord Read(DatasetEntry entry) =>
        entry.Describe(Hdf5EcgReader.Read(entry.RecordPath, entry.SampleRate ?? throw new InvalidRecordException(entry.RecordPath, "sample-rate", "metadata gives no sampling rate")));
}
