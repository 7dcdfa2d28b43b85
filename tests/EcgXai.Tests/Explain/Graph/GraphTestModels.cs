using EcgXai.Explain.Graph;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Graph;

/// <summary>Small random graphs built from plain tensors: Concat, fan-out, residual Add, max/avg pools, BatchNorm.</summary>
internal static class GraphTestModels
{
    /// <summary>
    /// input (3, 16) → conv a (4, k3, p1, bias) → bn → relu ⟶ fan-out to conv b (4, k3, p2, d2) and conv c (2, k1, stride 1);
    /// b → relu; c → relu; concat(b', c') (6, 16) → maxpool(2) (6, 8) → conv d (6, k3, p1) + maxpool skip → add (6, 8) → relu
    /// → concat(global max pool, global average pool) (12, 1) → flatten → linear (5).
    /// </summary>
    public static ModelGraph Branchy(int seed, bool biases = true, ScalarType dtype = ScalarType.Float64)
    {
        torch.manual_seed(seed);
        Tensor W(params long[] shape) => randn(shape, dtype: dtype) * 0.5;
        Tensor? B(long n) => biases ? randn(n, dtype: dtype) * 0.1 : null;
        var g = new GraphBuilder("x", [3, 16]);
        string a = g.Add(new Conv1dNode("a", g.Input, W(4, 3, 3), B(4), padding: 1));
        a = g.Add(new BatchNorm1dNode("a_bn", a, biases ? randn(4, dtype: dtype) * 0.2 : zeros(4, dtype: dtype), rand(4, dtype: dtype) + 0.5, rand(4, dtype: dtype) + 0.5,
            biases ? randn(4, dtype: dtype) * 0.2 : null, 1e-5));
        a = g.Add(new ReluNode("a_relu", a));
        string b = g.Add(new ReluNode("b_relu", g.Add(new Conv1dNode("b", a, W(4, 4, 3), B(4), padding: 2, dilation: 2))));
        string c = g.Add(new ReluNode("c_relu", g.Add(new Conv1dNode("c", a, W(2, 4, 1), B(2)))));
        string cat = g.Add(new ConcatNode("cat", [b, c]));
        string pool = g.Add(new MaxPool1dNode("pool", cat, 2));
        string d = g.Add(new Conv1dNode("d", pool, W(6, 6, 3), B(6), padding: 1));
        string sum = g.Add(new AddNode("sum", [d, pool]));
        string r = g.Add(new ReluNode("sum_relu", sum));
        string heads = g.Add(new ConcatNode("heads", [g.Add(new MaxPool1dNode("gmax", r, null)), g.Add(new AvgPool1dNode("gavg", r, null))]));
        string flat = g.Add(new FlattenNode("flat", heads));
        g.Add(new LinearNode("head", flat, W(5, 12), B(5)));
        return g.Build(ownsTensors: true);
    }
}
