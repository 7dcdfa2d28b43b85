namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// One cell of the pruning table: AUROC of a class on a dataset when only <paramref name="Keep"/> units of the classifier
/// input are kept (the rest zeroed) in the order of <paramref name="Method"/>.
/// </summary>
/// <param name="Dataset">The dataset spec.</param>
/// <param name="Level">Positions or channels.</param>
/// <param name="Method">"relevant" (most relevant first), "least" (least relevant first), "random" or "unpruned".</param>
/// <param name="Keep">Units kept.</param>
/// <param name="Units">Units in all at this level.</param>
/// <param name="Class">The class whose AUROC this is.</param>
/// <param name="Auroc">AUROC (for "random": the mean over the draws).</param>
/// <param name="Low">Lower bound: bootstrap 95 % (for "random": the smallest draw).</param>
/// <param name="High">Upper bound: bootstrap 95 % (for "random": the largest draw).</param>
public sealed record PruningRow(string Dataset, PruningLevel Level, string Method, int Keep, int Units, string Class, double Auroc, double Low, double High)
{
    /// <summary>What <see cref="Low"/> and <see cref="High"/> are.</summary>
    public string Interval => Method == PruningMethods.Random ? "range of draws" : "bootstrap 95%";
}
