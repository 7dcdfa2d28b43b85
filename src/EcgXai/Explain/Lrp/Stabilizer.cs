using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>zennit's denominator stabiliser <c>z + eps·(sign(z) + [z == 0])</c>: moves <c>z</c> away from zero by <c>eps</c>.</summary>
public static class Stabilizer
{
    /// <summary>zennit's default epsilon.</summary>
    public const double DefaultEpsilon = 1e-6;

    /// <summary>
    /// <c>z + eps·(sign(z) + [z == 0])</c>, computed as <c>z + (2·[z ≥ 0] − 1)·eps</c>, which is the same number
    /// (<c>2eps − eps</c> is exact) in fewer passes.
    /// </summary>
    public static Tensor Stabilize(Tensor z, double epsilon)
    {
        using var scope = NewDisposeScope();
        Tensor shift = z.ge(0).to_type(z.dtype).mul_(2 * epsilon).sub_(epsilon);
        return shift.add_(z).MoveToOuterDisposeScope();
    }

    /// <summary><c>relevance / stabilise(z)</c>; <paramref name="z"/> is left unchanged.</summary>
    public static Tensor Divide(Tensor relevance, Tensor z, double epsilon)
    {
        using var scope = NewDisposeScope();
        return relevance.div(Stabilize(z, epsilon)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <c>relevance / stabilise(z)</c> for a <paramref name="z"/> the caller owns and no longer needs: it is stabilised in
    /// place (same numbers as <see cref="Divide"/>, one large allocation less).
    /// </summary>
    public static Tensor DivideConsuming(Tensor relevance, Tensor z, double epsilon)
    {
        using (Tensor shift = z.ge(0).to_type(z.dtype).mul_(2 * epsilon).sub_(epsilon))
        {
            z.add_(shift);
        }
        return relevance.div(z);
    }
}
