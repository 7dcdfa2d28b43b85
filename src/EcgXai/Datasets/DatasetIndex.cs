using System.Text;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// A dataset spec resolved to its records: every indexed entry with its split, the entries the spec selects, and the
/// counts of what was left out. Duplicate record ids keep their first occurrence (the rest count as "duplicate-id").
/// </summary>
public sealed class DatasetIndex
{
    private readonly IDatasetLoader loader;

    private DatasetIndex(DatasetSpec spec, IDatasetLoader loader, DatasetIndexContent content, IReadOnlyList<DatasetEntry> all, IReadOnlyList<DatasetSplit> splits, SkipCounter skipped)
    {
        Spec = spec;
        this.loader = loader;
        All = all;
        Splits = splits;
        Selected = spec.Split is { } split ? all.Where((_, i) => splits[i] == split).ToArray() : all;
        SkippedByReason = skipped.ToDictionary();
        SkippedRecords = skipped.Records();
        ReadableLabels = content.ReadableLabels;
        UnknownCodeCounts = content.UnknownCodes;
        SourceFiles = content.SourceFiles;
        var unmapped = new SkipCounter();
        foreach (string code in Selected.SelectMany(e => e.UnmappedCodes))
        {
            unmapped.Add(code);
        }
        UnmappedCodeCounts = unmapped.ToDictionary();
    }

    /// <summary>The spec this index resolves.</summary>
    public DatasetSpec Spec { get; }

    /// <summary>Every indexed record of the dataset, whatever the split.</summary>
    public IReadOnlyList<DatasetEntry> All { get; }

    /// <summary>The split of each entry of <see cref="All"/>.</summary>
    public IReadOnlyList<DatasetSplit> Splits { get; }

    /// <summary>The records the spec selects (its split, or all).</summary>
    public IReadOnlyList<DatasetEntry> Selected { get; }

    /// <summary>Records left out while indexing, by reason.</summary>
    public IReadOnlyDictionary<string, int> SkippedByReason { get; }

    /// <summary>The left-out records of <see cref="SkippedByReason"/> that can be named.</summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; }

    /// <summary>Common labels the dataset's vocabularies can express; the others cannot be read from it.</summary>
    public IReadOnlyList<string> ReadableLabels { get; }

    /// <summary>Codes of <see cref="Selected"/> outside the common label space, with the number of records carrying each.</summary>
    public IReadOnlyDictionary<string, int> UnmappedCodeCounts { get; }

    /// <summary>Codes the dataset's own code list does not define (PTB-XL with <c>scp_statements.csv</c>, CPSC codes outside 1–9).</summary>
    public IReadOnlyDictionary<string, int> UnknownCodeCounts { get; }

    /// <summary>Index files read (part of the cache key).</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>The loader of a dataset kind.</summary>
    public static IDatasetLoader LoaderOf(DatasetKind kind) => kind switch
    {
        DatasetKind.PtbXl => new PtbXlLoader(),
        DatasetKind.Cpsc2018 => new Cpsc2018Loader(),
        DatasetKind.Challenge => new ChallengeLoader(),
        DatasetKind.Cinc2017 => new Cinc2017Loader(),
        DatasetKind.Sph => new SphLoader(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown dataset kind"),
    };

    /// <summary>Indexes the dataset of <paramref name="spec"/>; throws <see cref="EcgXaiException"/> when its folder or index file is missing or malformed.</summary>
    public static DatasetIndex Load(DatasetSpec spec, double? targetRate = null, int splitSeed = DatasetSplitter.DefaultSeed)
    {
        if (!Directory.Exists(spec.Path))
        {
            throw new EcgXaiException(spec.Path, $"dataset folder not found (spec {spec})");
        }
        IDatasetLoader loader = LoaderOf(spec.Kind);
        DatasetIndexContent content = loader.Index(spec.Path, targetRate);
        var skipped = new SkipCounter();
        skipped.AddAll(content.Skipped, content.SkippedRecords);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<DatasetEntry>(content.Entries.Count);
        foreach (DatasetEntry entry in content.Entries)
        {
            if (seen.Add(entry.Id))
            {
                unique.Add(entry);
            }
            else
            {
                skipped.Add(new SkippedRecord(entry.Id, entry.RecordPath, "duplicate-id", "an earlier row has the same record id"));
            }
        }
        return new DatasetIndex(spec, loader, content, unique, DatasetSplitter.Assign(unique, splitSeed), skipped);
    }

    /// <summary>Reads the record of <paramref name="entry"/>; a missing record file is an <see cref="InvalidRecordException"/> with reason "missing-file".</summary>
    public EcgRecord Read(DatasetEntry entry)
    {
        if (!File.Exists(entry.RecordPath))
        {
            throw new InvalidRecordException(entry.RecordPath, "missing-file", $"record {entry.Id} is named by the dataset index but its file does not exist");
        }
        return loader.Read(entry);
    }

    /// <summary>
    /// Writes the split of every entry to <c>runDirectory/data/splits.csv</c> (dataset, record_id, patient_id, split,
    /// record_file: the file read, relative to the dataset folder, which shows e.g. the PTB-XL rate chosen), atomically,
    /// replacing the rows of this dataset and keeping those of other datasets of the run.
    /// </summary>
    public void WriteSplits(string runDirectory)
    {
        string path = Path.Combine(runDirectory, "data", "splits.csv");
        string dataset = (Spec with { Split = null }).ToString();
        var text = new StringBuilder("dataset,record_id,patient_id,split,record_file\n");
        if (File.Exists(path))
        {
            CsvTable existing = CsvTable.Read(path);
            foreach (IReadOnlyList<string> row in existing.Rows.Where(r => CsvTable.Field(r, 0) != dataset))
            {
                text.AppendJoin(',', row.Select(CsvTable.Quote)).Append('\n');
            }
        }
        for (int i = 0; i < All.Count; i++)
        {
            text.AppendJoin(',', CsvTable.Quote(dataset), CsvTable.Quote(All[i].Id), CsvTable.Quote(All[i].PatientId), Splits[i].ToString().ToLowerInvariant(),
                CsvTable.Quote(Path.GetRelativePath(Spec.Path, All[i].RecordPath).Replace('\\', '/'))).Append('\n');
        }
        AtomicFile.WriteText(path, text.ToString());
    }
}
