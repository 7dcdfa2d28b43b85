using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// One reference of a concept (or position): a record, its dataset, the value it is ranked by and the time index of the
/// concept's peak in that record. References order by decreasing value, ties by record id, then dataset (ordinal).
/// </summary>
/// <param name="RecordId">The record's id in its dataset.</param>
/// <param name="Dataset">The dataset spec the record came from.</param>
/// <param name="Value">The ranking value (total or peak relevance / activation).</param>
/// <param name="PeakTime">Time index (at the concept's node) of the largest value in this record.</param>
public sealed record ReferenceEntry(
    [property: JsonPropertyName("record")] string RecordId,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("peak_time")] int PeakTime)
{
    /// <summary>True when a reference (<paramref name="value"/>, <paramref name="recordId"/>, <paramref name="dataset"/>) ranks before this one.</summary>
    public bool IsBeatenBy(double value, string recordId, string dataset) => Compare(value, recordId, dataset, Value, RecordId, Dataset) < 0;

    /// <summary>The reference order as a comparer.</summary>
    public static IComparer<ReferenceEntry> Order { get; } = Comparer<ReferenceEntry>.Create(Compare);

    /// <summary>The reference order: negative when the first reference ranks before the second.</summary>
    public static int Compare(ReferenceEntry a, ReferenceEntry b) => Compare(a.Value, a.RecordId, a.Dataset, b.Value, b.RecordId, b.Dataset);

    private static int Compare(double valueA, string recordA, string datasetA, double valueB, string recordB, string datasetB)
    {
        int byValue = valueB.CompareTo(valueA);
        if (byValue != 0)
        {
            return byValue;
        }
        int byRecord = string.CompareOrdinal(recordA, recordB);
        return byRecord != 0 ? byRecord : string.CompareOrdinal(datasetA, datasetB);
    }
}
