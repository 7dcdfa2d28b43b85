namespace EcgXai.Explain.Attribution;

/// <summary>
/// One row of an attribution batch: which input record, which target logit relevance starts from, and the conditions
/// (none for a plain LRP heatmap). Rows with the same record and target share all work above their first condition.
/// </summary>
/// <param name="Record">Index of the record in the input batch.</param>
/// <param name="Target">Output class whose logit is the start relevance (ignored when relevance starts at a node).</param>
/// <param name="Conditions">Node/channel conditions applied jointly (relevance bypassing a conditioned node is excluded).</param>
public sealed record AttributionRow(int Record, int Target, IReadOnlyList<Condition> Conditions)
{
    /// <summary>An unconditional row.</summary>
    public AttributionRow(int record, int target) : this(record, target, []) { }
}
