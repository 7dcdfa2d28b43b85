using static TorchSharp.torch;

namespace EcgXai.Explain.Crp;

/// <summary>Concept relevance from layer relevance <c>(rows, channels, time)</c>: per channel or per node (channel x time).</summary>
public static class ConceptRelevance
{
    /// <summary>
    /// Relevance per channel summed over time, <c>(rows, channels)</c>; with <paramref name="normalise"/>, divided per row by
    /// the sum of absolute values over channels (zennit-crp's <c>abs_norm</c>; rows of all zeros stay zero).
    /// </summary>
    public static Tensor PerChannel(Tensor relevance, bool normalise = false)
    {
        using var scope = NewDisposeScope();
        return Normalised(relevance.sum(2), normalise).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Relevance per node, <c>(rows, channels·time)</c> flattened channel-major (index <c>c·T + t</c>, the classifier's
    /// input order); <paramref name="normalise"/> as in <see cref="PerChannel"/>.
    /// </summary>
    public static Tensor PerNode(Tensor relevance, bool normalise = false)
    {
        using var scope = NewDisposeScope();
        return Normalised(relevance.flatten(1), normalise).MoveToOuterDisposeScope();
    }

    private static Tensor Normalised(Tensor values, bool normalise)
    {
        if (!normalise)
        {
            return values.clone();
        }
        Tensor total = values.abs().sum(1, keepdim: true);
        return values.div(where(total.eq(0), ones_like(total), total));
    }
}
