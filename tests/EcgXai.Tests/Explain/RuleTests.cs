using EcgXai.Explain.Rules;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain;

/// <summary>Each rule against the zennit 0.4.6 formula written out with explicit loops in double precision.</summary>
public class RuleTests
{
    private const int B = 2, Cin = 3, Cout = 4, K = 3, Stride = 2, Pad = 1, L = 7;
    private const int Lout = (L + 2 * Pad - K) / Stride + 1;
    private const double Eps = 1e-6;

    private static double[,,] RandomArray(Random rng, int a, int b, int c, bool nonNegative = false)
    {
        var r = new double[a, b, c];
        for (int i = 0; i < a; i++)
        {
            for (int j = 0; j < b; j++)
            {
                for (int k = 0; k < c; k++)
                {
                    double v = rng.NextDouble() * 2 - 1;
                    r[i, j, k] = nonNegative ? Math.Abs(v) : v;
                }
            }
        }
        return r;
    }

    private static Tensor ToTensor(double[,,] a) =>
        tensor(a.Cast<double>().ToArray(), [a.GetLength(0), a.GetLength(1), a.GetLength(2)], ScalarType.Float64);

    private static double[,,] Map(double[,,] a, Func<double, double> f)
    {
        var r = (double[,,])a.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                for (int k = 0; k < a.GetLength(2); k++)
                {
                    r[i, j, k] = f(a[i, j, k]);
                }
            }
        }
        return r;
    }

    /// <summary>z[b,o,t] = Σ_i Σ_j w[o,i,j] x[b,i,t·stride + j − pad] + bias[o].</summary>
    private static double[,,] Conv(double[,,] x, double[,,] w, double[]? bias)
    {
        var z = new double[B, Cout, Lout];
        for (int b = 0; b < B; b++)
        {
            for (int o = 0; o < Cout; o++)
            {
                for (int t = 0; t < Lout; t++)
                {
                    double acc = bias?[o] ?? 0;
                    for (int i = 0; i < Cin; i++)
                    {
                        for (int j = 0; j < K; j++)
                        {
                            int p = t * Stride + j - Pad;
                            if (p >= 0 && p < L)
                            {
                                acc += w[o, i, j] * x[b, i, p];
                            }
                        }
                    }
                    z[b, o, t] = acc;
                }
            }
        }
        return z;
    }

    /// <summary>(Wᵀs)[b,i,p] = Σ_o Σ_t Σ_j [t·stride + j − pad = p] w[o,i,j] s[b,o,t].</summary>
    private static double[,,] ConvT(double[,,] s, double[,,] w)
    {
        var g = new double[B, Cin, L];
        for (int b = 0; b < B; b++)
        {
            for (int o = 0; o < Cout; o++)
            {
                for (int t = 0; t < Lout; t++)
                {
                    for (int i = 0; i < Cin; i++)
                    {
                        for (int j = 0; j < K; j++)
                        {
                            int p = t * Stride + j - Pad;
                            if (p >= 0 && p < L)
                            {
                                g[b, i, p] += w[o, i, j] * s[b, o, t];
                            }
                        }
                    }
                }
            }
        }
        return g;
    }

    private static double Stab(double z) => z + Eps * (Math.Sign(z) + (z == 0 ? 1 : 0));

    private static double[,,] Divide(double[,,] r, double[,,] z)
    {
        var s = (double[,,])r.Clone();
        for (int b = 0; b < B; b++)
        {
            for (int o = 0; o < Cout; o++)
            {
                for (int t = 0; t < Lout; t++)
                {
                    s[b, o, t] = r[b, o, t] / Stab(z[b, o, t]);
                }
            }
        }
        return s;
    }

    private static double[,,] Combine(double[,,] a, double[,,] b, Func<double, double, double> f)
    {
        var r = (double[,,])a.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                for (int k = 0; k < a.GetLength(2); k++)
                {
                    r[i, j, k] = f(a[i, j, k], b[i, j, k]);
                }
            }
        }
        return r;
    }

    private static double[,,] Add(double[,,] a, double[,,] b) => Combine(a, b, (u, v) => u + v);

    private static double[,,] Times(double[,,] a, double[,,] b) => Combine(a, b, (u, v) => u * v);

    private sealed record Case(double[,,] X, double[,,] W, double[] Bias, double[,,] R)
    {
        public double[,,] Wp => Map(W, v => Math.Max(v, 0));
        public double[,,] Wn => Map(W, v => Math.Min(v, 0));
        public double[,,] Xp => Map(X, v => Math.Max(v, 0));
        public double[,,] Xn => Map(X, v => Math.Min(v, 0));
        public double[] Bp => Bias.Select(v => Math.Max(v, 0)).ToArray();
        public double[] Bn => Bias.Select(v => Math.Min(v, 0)).ToArray();
    }

    private static Case MakeCase(int seed, bool nonNegativeInput)
    {
        var rng = new Random(seed);
        return new Case(RandomArray(rng, B, Cin, L, nonNegativeInput), RandomArray(rng, Cout, Cin, K),
            Enumerable.Range(0, Cout).Select(_ => rng.NextDouble() - 0.5).ToArray(), RandomArray(rng, B, Cout, Lout));
    }

    private static void AssertRule(IRule rule, Case c, double[,,] expected, bool nonNegative = false)
    {
        using var scope = NewDisposeScope();
        using var layer = new ConvLayer("conv", ToTensor(c.W), tensor(c.Bias, ScalarType.Float64), Stride, Pad, nonNegative);
        Tensor actual = rule.Apply(layer, ToTensor(c.X), ToTensor(c.R));
        Assert.Equal(new long[] { B, Cin, L }, actual.shape);
        double err = ExplainTestModels.MaxRelativeDifference(actual, ToTensor(expected));
        Assert.True(err < 1e-12, $"{rule}: relative error {err}");
    }

    [Fact]
    public void EpsilonMatchesExplicitFormula()
    {
        Case c = MakeCase(1, false);
        AssertRule(new Epsilon(Eps), c, Times(c.X, ConvT(Divide(c.R, Conv(c.X, c.W, c.Bias)), c.W)));
    }

    [Fact]
    public void NormMatchesExplicitFormulaAndItsSumPathMatchesTheStackedLayer()
    {
        Case c = MakeCase(2, false);
        AssertRule(new Norm(Eps), c, Times(c.X, ConvT(Divide(c.R, Conv(c.X, c.W, c.Bias)), c.W)));
        using var scope = NewDisposeScope();
        using var sum = new SumLayer("sum", 2, ScalarType.Float64, CPU, inputNonNegative: false);
        Tensor a = randn(3, 4, 5, dtype: ScalarType.Float64), b = randn(3, 4, 5, dtype: ScalarType.Float64), r = randn(3, 4, 5, dtype: ScalarType.Float64);
        Tensor[] split = new Norm().ApplyToSum([a, b], a + b, r);
        (Tensor ra, Tensor rb) = (split[0], split[1]);
        Tensor stacked = new Norm().Apply(sum, stack([a, b], 1), r);
        Assert.True(ExplainTestModels.MaxRelativeDifference(ra, stacked.select(1, 0)) < 1e-15);
        Assert.True(ExplainTestModels.MaxRelativeDifference(rb, stacked.select(1, 1)) < 1e-15);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ZPlusMatchesExplicitFormula(bool nonNegative)
    {
        Case c = MakeCase(3, nonNegative);
        double[,,] z = Add(Conv(c.Xp, c.Wp, c.Bp), Conv(c.Xn, c.Wn, null));
        double[,,] s = Divide(c.R, z);
        AssertRule(new ZPlus(Eps), c, Add(Times(c.Xp, ConvT(s, c.Wp)), Times(c.Xn, ConvT(s, c.Wn))), nonNegative);
    }

    [Theory]
    [InlineData(false, 2.0, 1.0)]
    [InlineData(true, 2.0, 1.0)]
    [InlineData(false, 1.5, 0.5)]
    public void AlphaBetaMatchesExplicitFormula(bool nonNegative, double alpha, double beta)
    {
        Case c = MakeCase(4, nonNegative);
        double[,,] sa = Divide(c.R, Add(Conv(c.Xp, c.Wp, c.Bp), Conv(c.Xn, c.Wn, null)));
        double[,,] sb = Divide(c.R, Add(Conv(c.Xp, c.Wn, c.Bn), Conv(c.Xn, c.Wp, null)));
        double[,,] pos = Add(Times(c.Xp, ConvT(sa, c.Wp)), Times(c.Xn, ConvT(sa, c.Wn)));
        double[,,] neg = Add(Times(c.Xp, ConvT(sb, c.Wn)), Times(c.Xn, ConvT(sb, c.Wp)));
        AssertRule(new AlphaBeta(alpha, beta, Eps), c, Combine(pos, neg, (p, n) => alpha * p - beta * n), nonNegative);
    }

    [Fact]
    public void AlphaBetaRejectsParametersWhoseDifferenceIsNotOne() =>
        Assert.Throws<ArgumentException>(() => new AlphaBeta(2, 2));

    [Fact]
    public void GammaMatchesExplicitFormula()
    {
        Case c = MakeCase(5, false);
        const double g = 0.25;
        double[,,] w = Combine(c.W, c.Wp, (a, p) => a + g * p);
        double[] bias = c.Bias.Zip(c.Bp, (a, p) => a + g * p).ToArray();
        AssertRule(new Gamma(g, Eps), c, Times(c.X, ConvT(Divide(c.R, Conv(c.X, w, bias)), w)));
    }

    [Fact]
    public void FlatMatchesExplicitFormula()
    {
        Case c = MakeCase(6, false);
        double[,,] ones = Map(c.W, _ => 1), onesX = Map(c.X, _ => 1);
        AssertRule(new Flat(Eps), c, ConvT(Divide(c.R, Conv(onesX, ones, null)), ones));
    }

    [Fact]
    public void WSquareMatchesExplicitFormula()
    {
        Case c = MakeCase(7, false);
        double[,,] w2 = Map(c.W, v => v * v), onesX = Map(c.X, _ => 1);
        AssertRule(new WSquare(Eps), c, ConvT(Divide(c.R, Conv(onesX, w2, c.Bias.Select(v => v * v).ToArray())), w2));
    }

    [Fact]
    public void ZBoxMatchesExplicitFormula()
    {
        Case c = MakeCase(8, false);
        const double lo = -1.5, hi = 2.0;
        double[,,] l = Map(c.X, _ => lo), h = Map(c.X, _ => hi);
        double[,,] d = Combine(Combine(Conv(c.X, c.W, c.Bias), Conv(l, c.Wp, c.Bp), (a, b) => a - b), Conv(h, c.Wn, c.Bn), (a, b) => a - b);
        double[,,] s = Divide(c.R, d);
        double[,,] expected = Combine(Combine(Times(c.X, ConvT(s, c.W)), Times(l, ConvT(s, c.Wp)), (a, b) => a - b), Times(h, ConvT(s, c.Wn)), (a, b) => a - b);
        AssertRule(new ZBox(lo, hi, Eps), c, expected);
    }

    [Fact]
    public void StabilizerFollowsZennitAtZeroAndForBothSigns()
    {
        using var z = tensor(new[] { -2.0, 0.0, 3.0 });
        using var s = Stabilizer.Stabilize(z, 0.5);
        Assert.Equal(new[] { -2.5, 0.5, 3.5 }, s.data<double>().ToArray());
        Assert.Equal(new[] { -2.0, 0.0, 3.0 }, z.data<double>().ToArray());
        using var r = tensor(new[] { 5.0, 1.0, 7.0 });
        using var divided = Stabilizer.DivideConsuming(r, z.clone(), 0.5);
        Assert.Equal(new[] { -2.0, 2.0, 2.0 }, divided.data<double>().ToArray());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 0)]
    [InlineData(1, 4)]
    [InlineData(2, 1)]
    public void AConvolutionsTransposedProductIsItsVectorJacobianProduct(int stride, int padding)
    {
        using var scope = NewDisposeScope();
        Tensor x = randn(2, 3, 11, dtype: ScalarType.Float64).requires_grad_(), w = randn(4, 3, 5, dtype: ScalarType.Float64);
        using var layer = new ConvLayer("c", w.clone(), null, stride, padding, inputNonNegative: false);
        Tensor y = layer.Forward(x);
        Tensor s = randn_like(y);
        Tensor expected = autograd.grad([y], [x], [s])[0];
        Tensor actual = layer.InputGradient(s, layer.Weight, 11);
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(allclose(expected, actual, rtol: 1e-12, atol: 1e-12));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void TransposedProductsForSeveralWeightsEqualEachOnItsOwn(int stride, int padding)
    {
        using var scope = NewDisposeScope();
        using var layer = new ConvLayer("c", randn(4, 3, 5, dtype: ScalarType.Float64), null, stride, padding, inputNonNegative: false);
        Tensor s = randn_like(layer.Forward(randn(2, 3, 11, dtype: ScalarType.Float64)));
        Tensor[] actual = layer.InputGradients(s, [layer.PositiveWeight, layer.NegativeWeight, layer.Weight], 11);
        Tensor[] expected = [.. new[] { layer.PositiveWeight, layer.NegativeWeight, layer.Weight }.Select(w => layer.InputGradient(s, w, 11))];
        Assert.Equal(3, actual.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i].shape, actual[i].shape);
            Assert.True(allclose(expected[i], actual[i], rtol: 1e-12, atol: 1e-12), $"weight {i}");
        }
    }

    [Fact]
    public void TheNonNegativeStabilizerEqualsZennitsOnNonNegativeValuesAndNegativeZero()
    {
        using var z = tensor(new[] { -0.0, 0.0, 1e-9, 3.0, 1e7 });
        using var r = tensor(new[] { 5.0, 1.0, 7.0, -2.0, 3.0 });
        using var general = Stabilizer.DivideConsuming(r, z.clone(), 1e-6);
        using var shortcut = Stabilizer.DivideNonNegativeConsuming(r, z.clone(), 1e-6);
        Assert.Equal(general.data<double>().ToArray(), shortcut.data<double>().ToArray());
    }

    [Fact]
    public void PassAndGradientOnAnAffineLayer()
    {
        using var scope = NewDisposeScope();
        using var bn = new AffineLayer("bn", tensor(new[] { 2.0, -3.0 }), tensor(new[] { 1.0, 1.0 }), inputNonNegative: false);
        Tensor x = randn(1, 2, 3, dtype: ScalarType.Float64), r = randn(1, 2, 3, dtype: ScalarType.Float64);
        Assert.Equal(r.data<double>().ToArray(), new Pass().Apply(bn, x, r).data<double>().ToArray());
        Tensor g = new Gradient().Apply(bn, x, r);
        Assert.Equal(2.0 * r[0, 0, 1].item<double>(), g[0, 0, 1].item<double>(), 15);
        Assert.Equal(-3.0 * r[0, 1, 2].item<double>(), g[0, 1, 2].item<double>(), 15);
    }

    [Fact]
    public void DenseEpsilonMatchesExplicitFormula()
    {
        using var scope = NewDisposeScope();
        var rng = new Random(9);
        double[,] w = new double[3, 5];
        double[] x = new double[5], bias = [0.1, -0.2, 0.3], r = [1.0, -2.0, 0.5];
        for (int i = 0; i < 5; i++)
        {
            x[i] = rng.NextDouble() - 0.5;
            for (int o = 0; o < 3; o++)
            {
                w[o, i] = rng.NextDouble() - 0.5;
            }
        }
        var expected = new double[5];
        for (int o = 0; o < 3; o++)
        {
            double z = bias[o];
            for (int i = 0; i < 5; i++)
            {
                z += w[o, i] * x[i];
            }
            for (int i = 0; i < 5; i++)
            {
                expected[i] += x[i] * w[o, i] * r[o] / Stab(z);
            }
        }
        using var layer = new DenseLayer("lin", tensor(w.Cast<double>().ToArray(), [3, 5]), tensor(bias), inputNonNegative: false);
        double[] actual = new Epsilon(Eps).Apply(layer, tensor(x).unsqueeze(0), tensor(r).unsqueeze(0)).data<double>().ToArray();
        for (int i = 0; i < 5; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-10 * Math.Max(1, Math.Abs(expected[i])), $"input {i}: {actual[i]} vs {expected[i]}");
        }
    }
}
