using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>The small JSON index stored beside a tensor cache's float32 file: everything of a <see cref="PreparedDataset"/> but the signals.</summary>
/// <param name="Key">The cache key (hash of dataset files and settings).</param>
/// <param name="Name">Dataset name (the spec).</param>
/// <param name="RecordIds">Record ids, one per row.</param>
/// <param name="PatientIds">Patient ids.</param>
/// <param name="Ages">Ages (null = unknown).</param>
/// <param name="Sexes">Sexes.</param>
/// <param name="Labels">Per row, the indices of its classes in <paramref name="ClassNames"/>.</param>
/// <param name="LeadNames">Lead names of each row.</param>
/// <param name="ClassNames">Class names.</param>
/// <param name="SampleRate">Sampling rate in Hz.</param>
/// <param name="Length">Samples per lead.</param>
/// <param name="SkippedByReason">Records left out, by reason.</param>
/// <param name="UnmappedCodeCounts">Source codes outside the label space, with counts.</param>
/// <param name="SkippedRecords">The left-out records that can be named.</param>
/// <param name="Warnings">Warnings of records read anyway (a signal file longer than declared), each naming the file.</param>
/// <param name="UnknownCodeCounts">Codes the dataset's own code list does not define, with counts.</param>
/// <param name="UnreadableClasses">Classes the dataset's label vocabulary cannot express (every record would count as negative).</param>
public sealed record TensorCacheIndex(
    string Key,
    string Name,
    IReadOnlyList<string> RecordIds,
    IReadOnlyList<string> PatientIds,
    IReadOnlyList<double?> Ages,
    IReadOnlyList<Sex> Sexes,
    IReadOnlyList<int[]> Labels,
    IReadOnlyList<string> LeadNames,
    IReadOnlyList<string> ClassNames,
    double SampleRate,
    int Length,
    IReadOnlyDictionary<string, int> SkippedByReason,
    IReadOnlyDictionary<string, int> UnmappedCodeCounts,
    IReadOnlyList<SkippedRecord> SkippedRecords,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, int> UnknownCodeCounts,
    IReadOnlyList<string> UnreadableClasses);
