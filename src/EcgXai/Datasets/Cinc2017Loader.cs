using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// PhysioNet/CinC 2017: <c>REFERENCE.csv</c> (<c>record,label</c>, with or without a header line; N, A, O, ~) beside
/// single-signal WFDB records whose one signal is lead I. Noisy (<c>~</c>) records are excluded (counted as
/// "noisy-excluded") so that they do not enter AF evaluation.
/// </summary>
public sealed class Cinc2017Loader : IDatasetLoader
{
    /// <summary>The reference file name.</summary>
    public const string ReferenceFile = "REFERENCE.csv";

    private static readonly string[] Letters = ["N", "A", "O", "~"];

    /// <inheritdoc />
    public DatasetIndexContent Index(string root, double? targetRate)
    {
        string reference = Path.Combine(root, ReferenceFile);
        CsvTable table = CsvTable.Read(reference, hasHeader: false);
        var skipped = new SkipCounter();
        var unknown = new SkipCounter();
        var entries = new List<DatasetEntry>(table.Rows.Count);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            IReadOnlyList<string> row = table.Rows[r];
            string id = CsvTable.Field(row, 0).Trim(), letter = CsvTable.Field(row, 1).Trim();
            if (r == 0 && !Letters.Contains(letter))
            {
                continue;
            }
            if (id.Length == 0 || letter.Length == 0)
            {
                skipped.Add(new SkippedRecord(id, reference, "bad-row", $"row {r + 1} lacks a record name or a label"));
                continue;
            }
            if (letter == "~")
            {
                skipped.Add(new SkippedRecord(id, reference, "noisy-excluded", "labelled noisy (~)"));
                continue;
            }
            string? header = ContainedPath.TryResolve(root, id + ".hea"), mat = ContainedPath.TryResolve(root, id + ".mat");
            if (header is null || mat is null)
            {
                skipped.Add(new SkippedRecord(id, reference, ContainedPath.OutsideReason,
                    $"record '{ContainedPath.Printable(id)}' resolves outside the dataset folder {Path.GetFullPath(root)}"));
                continue;
            }
            if (!Letters.Contains(letter))
            {
                unknown.Add(letter);
            }
            (IReadOnlyList<string> labels, IReadOnlyList<string> unmapped) = LabelMap.Encode([letter], LabelVocabulary.CinC2017);
            entries.Add(new DatasetEntry(id, id, null, Sex.Unknown, [letter], labels, unmapped, header, [header, mat]));
        }
        return new DatasetIndexContent(entries, skipped.ToDictionary(), unknown.ToDictionary(), [reference]) { SkippedRecords = skipped.Records(), ReadableLabels = LabelMap.Expressible(LabelVocabulary.CinC2017) };
    }

    /// <inheritdoc />
    public EcgRecord Read(DatasetEntry entry)
    {
        EcgRecord record = WfdbRecordReader.Read(entry.RecordPath);
        if (record.LeadCount != 1)
        {
            throw new InvalidRecordException(entry.RecordPath, "lead-count", $"a CinC-2017 record has one signal, this one has {record.LeadCount}");
        }
        return entry.Describe(record with { Leads = ["I"] });
    }
}
