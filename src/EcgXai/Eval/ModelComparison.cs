using EcgXai.Training.Metrics;

namespace EcgXai.Eval;

/// <summary>
/// One class of the evaluated model against another model on the records both scored: the other model's AUROC and the
/// difference (this − other) with a paired stratified bootstrap interval (<see cref="Bootstrap.PairedAurocDifference"/>).
/// </summary>
/// <param name="OtherModelPath">The compared checkpoint.</param>
/// <param name="Records">Records both models scored (the comparison's sample).</param>
/// <param name="Positives">Positives among them.</param>
/// <param name="Auroc">This model's AUROC on those records.</param>
/// <param name="OtherAuroc">The other model's AUROC on those records, with its interval.</param>
/// <param name="Difference">AUROC(this) − AUROC(other) with its paired interval.</param>
public sealed record ModelComparison(string OtherModelPath, int Records, int Positives, double Auroc, ConfidenceInterval OtherAuroc, ConfidenceInterval Difference)
{
    /// <summary>True when the paired interval excludes zero.</summary>
    public bool Significant => Difference.Lower > 0 || Difference.Upper < 0;
}
