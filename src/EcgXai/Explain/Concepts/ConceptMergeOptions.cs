namespace EcgXai.Explain.Concepts;

/// <summary>What <c>ecgxai merge</c> combines: the folders of every shard of one analysis, into <paramref name="OutDirectory"/>.</summary>
/// <param name="OutDirectory">The run folder that receives <c>explain/concepts/</c>.</param>
/// <param name="Parts">The parts' folders (each written by <c>ecgxai concepts --shard i/n</c>).</param>
public sealed record ConceptMergeOptions(string OutDirectory, IReadOnlyList<string> Parts)
{
    /// <summary>Device name for the stages after the merge; null = the parts' device.</summary>
    public string? Device { get; init; }
}
