namespace EcgXai.Datasets;

/// <summary>What a loader found in a dataset folder: its records, what it left out and why, and the index files it read.</summary>
/// <param name="Entries">Indexed records in a fixed order.</param>
/// <param name="Skipped">Records left out while indexing, by reason.</param>
/// <param name="UnknownCodes">Codes the dataset's own code list does not define, with counts.</param>
/// <param name="SourceFiles">Index files read (CSV, metadata), part of the cache key.</param>
public sealed record DatasetIndexContent(
    IReadOnlyList<DatasetEntry> Entries,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyDictionary<string, int> UnknownCodes,
    IReadOnlyList<string> SourceFiles)
{
    /// <summary>The records of <see cref="Skipped"/> that can be named (id, file, reason, problem).</summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; init; } = [];

    /// <summary>The common labels the dataset's vocabularies can express (see <see cref="LabelMap.Expressible"/>); others cannot be read from it.</summary>
    public IReadOnlyList<string> ReadableLabels { get; init; } = LabelMap.Labels;
}
