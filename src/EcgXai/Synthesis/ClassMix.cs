namespace EcgXai.Synthesis;

/// <summary>
/// Prevalence of each class among generated records. With <paramref name="Combinations"/> the rhythm (AF, SB, ST or
/// normal-rate sinus), first-degree AV block (sinus only) and bundle branch block (RBBB or LBBB) are drawn independently,
/// so a record can carry several labels with these marginal prevalences; without, each record has exactly one label
/// and NORM takes the remaining probability.
/// </summary>
/// <param name="AF">Prevalence of atrial fibrillation.</param>
/// <param name="SB">Prevalence of sinus bradycardia.</param>
/// <param name="ST">Prevalence of sinus tachycardia.</param>
/// <param name="FirstDegreeAvBlock">Prevalence of first-degree AV block.</param>
/// <param name="Rbbb">Prevalence of right bundle branch block.</param>
/// <param name="Lbbb">Prevalence of left bundle branch block.</param>
/// <param name="Combinations">Whether labels combine within a record.</param>
public sealed record ClassMix(double AF, double SB, double ST, double FirstDegreeAvBlock, double Rbbb, double Lbbb, bool Combinations)
{
    /// <summary>Throws <see cref="ArgumentException"/> when prevalences are outside [0, 1] or exclusive groups sum above 1.</summary>
    public void Validate()
    {
        double[] all = [AF, SB, ST, FirstDegreeAvBlock, Rbbb, Lbbb];
        if (all.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException("class prevalences must lie in [0, 1]");
        }
        if (AF + SB + ST > 1 || Rbbb + Lbbb > 1 || (!Combinations && all.Sum() > 1))
        {
            throw new ArgumentException("prevalences of mutually exclusive classes sum above 1");
        }
        if (Combinations && FirstDegreeAvBlock > 1 - AF)
        {
            throw new ArgumentException("first-degree AV block needs sinus rhythm: its prevalence cannot exceed 1 - AF");
        }
    }

    /// <summary>Draws the labels of one record, rhythm label first; NORM when nothing abnormal was drawn.</summary>
    public IReadOnlyList<string> Draw(SynthRandom rng)
    {
        var labels = new List<string>(3);
        if (Combinations)
        {
            double u = rng.NextDouble();
            string? rhythm = u < AF ? SyntheticLabels.AtrialFibrillation
                : u < AF + SB ? SyntheticLabels.SinusBradycardia
                : u < AF + SB + ST ? SyntheticLabels.SinusTachycardia
                : null;
            if (rhythm is not null)
            {
                labels.Add(rhythm);
            }
            if (rhythm != SyntheticLabels.AtrialFibrillation && AF < 1 && rng.Bernoulli(FirstDegreeAvBlock / (1 - AF)))
            {
                labels.Add(SyntheticLabels.FirstDegreeAvBlock);
            }
            double b = rng.NextDouble();
            if (b < Rbbb)
            {
                labels.Add(SyntheticLabels.RightBundleBranchBlock);
            }
            else if (b < Rbbb + Lbbb)
            {
                labels.Add(SyntheticLabels.LeftBundleBranchBlock);
            }
        }
        else
        {
            (string Label, double P)[] single =
            [
                (SyntheticLabels.AtrialFibrillation, AF), (SyntheticLabels.SinusBradycardia, SB), (SyntheticLabels.SinusTachycardia, ST),
                (SyntheticLabels.FirstDegreeAvBlock, FirstDegreeAvBlock), (SyntheticLabels.RightBundleBranchBlock, Rbbb),
                (SyntheticLabels.LeftBundleBranchBlock, Lbbb),
            ];
            double u = rng.NextDouble();
            foreach (var (label, p) in single)
            {
                if (u < p)
                {
                    labels.Add(label);
                    break;
                }
                u -= p;
            }
        }
        if (labels.Count == 0)
        {
            labels.Add(SyntheticLabels.Normal);
        }
        return labels;
    }
}
