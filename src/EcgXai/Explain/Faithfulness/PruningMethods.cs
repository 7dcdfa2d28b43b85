namespace EcgXai.Explain.Faithfulness;

/// <summary>Names of the unit orders compared by pruning.</summary>
public static class PruningMethods
{
    /// <summary>Most relevant units first.</summary>
    public const string Relevant = "relevant";

    /// <summary>Least relevant units first.</summary>
    public const string Least = "least";

    /// <summary>Seeded random orders (several draws).</summary>
    public const string Random = "random";

    /// <summary>Nothing pruned.</summary>
    public const string Unpruned = "unpruned";
}
