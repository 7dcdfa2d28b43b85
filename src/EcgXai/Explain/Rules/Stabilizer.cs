using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>zennit's denominator stabiliser <c>z + eps·(sign(z) + [z == 0])</c>: moves <c>z</c> away from zero by <c>eps</c>.</summary>
public static class Stabilizer
{
    /// <summary>zennit's default epsilon.</summary>
    public const double DefaultEpsilon = 1e-6;

    /// <summary><c>z + eps·(sign(z) + [z == 0])</c>, i.e. <c>z + eps</c> where <c>z ≥ 0</c> and <c>z − eps</c> elsewhere.</summary>
    public static Tensor Stabilize(Tensor z, double epsilon)
    {
        Tensor copy = z.clone();
        StabilizeInPlace(copy, epsilon);
        return copy;
    }

    /// <summary><c>relevance / stabilise(z)</c>; <paramref name="z"/> is left unchanged.</summary>
    public static Tensor Divide(Tensor relevance, Tensor z, double epsilon)
    {
        using Tensor stable = Stabilize(z, epsilon);
        return relevance.div(stable);
    }

    /// <summary>
    /// <c>relevance / stabilise(z)</c> for a <paramref name="z"/> the caller owns and no longer needs: it is stabilised in
    /// place (same numbers as <see cref="Divide"/>, one large allocation less).
    /// </summary>
    public static Tensor DivideConsuming(Tensor relevance, Tensor z, double epsilon)
    {
        StabilizeInPlace(z, epsilon);
        return relevance.div(z);
    }

    /// <summary>
    /// <see cref="DivideConsuming"/> for a <paramref name="z"/> that is non-negative by construction (non-negative inputs,
    /// weights and bias, e.g. z⁺ of a layer after a ReLU): there the stabiliser is <c>z + eps</c> (also for <c>−0</c>, which
    /// zennit's <c>sign(z) + [z == 0]</c> maps to <c>+eps</c>), one in-place add instead of a sign test. Same numbers.
    /// </summary>
    public static Tensor DivideNonNegativeConsuming(Tensor relevance, Tensor z, double epsilon) => relevance.div(z.add_(epsilon));

    private static void StabilizeInPlace(Tensor z, double epsilon)
    {
        using Tensor nonNegative = z.ge(0);
        using Tensor plus = tensor(epsilon, dtype: z.dtype, device: z.device);
        using Tensor minus = tensor(-epsilon, dtype: z.dtype, device: z.device);
        using Tensor shift = where(nonNegative, plus, minus);
        z.add_(shift);
    }
}
