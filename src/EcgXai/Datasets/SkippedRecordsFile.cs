using System.Text;
using EcgXai.IO;

namespace EcgXai.Datasets;

/// <summary>
/// The records a run left out: <c>skipped.csv</c> (dataset, record_id, file, reason, problem) in a run folder, and the
/// summary lines every verb prints (counts by reason, the first few records by name, unknown label codes).
/// </summary>
public static class SkippedRecordsFile
{
    /// <summary>How many skipped records the summary names.</summary>
    public const int Named = 5;

    /// <summary>Writes <paramref name="datasets"/>' skipped records to <paramref name="path"/> atomically (a header line only when none was skipped).</summary>
    public static void Write(string path, IEnumerable<(string Dataset, IReadOnlyList<SkippedRecord> Records)> datasets)
    {
        var text = new StringBuilder("dataset,record_id,file,reason,problem\n");
        foreach ((string dataset, IReadOnlyList<SkippedRecord> records) in datasets)
        {
            foreach (SkippedRecord r in records)
            {
                text.AppendJoin(',', CsvTable.Quote(dataset), CsvTable.Quote(r.Id), CsvTable.Quote(r.File), CsvTable.Quote(r.Reason), CsvTable.Quote(r.Problem)).Append('\n');
            }
        }
        AtomicFile.WriteText(path, text.ToString());
    }

    /// <summary>
    /// Lines for a console summary: "skipped: reason n, ..." and the first <see cref="Named"/> records ("id: file: problem"),
    /// and "unknown label codes: code (n), ..." when the dataset used codes its own code list does not define.
    /// </summary>
    public static IEnumerable<string> Summary(IReadOnlyDictionary<string, int> counts, IReadOnlyList<SkippedRecord> records, IReadOnlyDictionary<string, int> unknownCodes)
    {
        if (counts.Count > 0)
        {
            yield return "skipped: " + string.Join(", ", counts.Select(s => $"{s.Key} {s.Value}"));
            foreach (SkippedRecord r in records.Take(Named))
            {
                yield return $"  {ContainedPath.Printable(r.Id)}: {r.File}: {ContainedPath.Printable(r.Problem)}";
            }
            if (records.Count > Named)
            {
                yield return $"  ... and {records.Count - Named} more";
            }
        }
        if (unknownCodes.Count > 0)
        {
            yield return "unknown label codes (read as no label): " + string.Join(", ", unknownCodes.Select(c => $"{ContainedPath.Printable(c.Key)} ({c.Value})"));
        }
    }
}
