using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Attribution;

/// <summary>
/// The lrp-graph fixtures' xresnet built node by node from the fixture's safetensors weights (as the README's module
/// tree gives it), independently of the ONNX importer: stem conv(k, stride 2) → BN → ReLU; per block conv1(stride s) →
/// bn1 → relu1 → conv2 → bn2, skip identity or idconv(1×1, stride s) → idbn, sum, relu; head concat(global max, global
/// average) → flatten → Linear.
/// </summary>
internal static class XResNetFixtureGraph
{
    public static ModelGraph Build(IReadOnlyDictionary<string, Tensor> w, int blocks, long leads, long length)
    {
        var g = new GraphBuilder("ecg", [leads, length]);
        long k = w["stem_conv.weight"].shape[2];
        string x = g.Add(new Conv1dNode("stem_conv", g.Input, w["stem_conv.weight"], null, stride: 2, padding: k / 2));
        x = g.Add(Norm(w, "stem_bn", x));
        x = g.Add(new ReluNode("stem_relu", x));
        for (int i = 0; i < blocks; i++)
        {
            string p = $"blocks.{i}.";
            long stride = i == 0 ? 1 : 2;
            string main = g.Add(new Conv1dNode(p + "conv1", x, w[p + "conv1.weight"], null, stride: stride, padding: k / 2));
            main = g.Add(Norm(w, p + "bn1", main));
            main = g.Add(new ReluNode(p + "relu1", main));
            main = g.Add(new Conv1dNode(p + "conv2", main, w[p + "conv2.weight"], null, padding: k / 2));
            main = g.Add(Norm(w, p + "bn2", main));
            string skip = x;
            if (w.ContainsKey(p + "idconv.weight"))
            {
                skip = g.Add(new Conv1dNode(p + "idconv", x, w[p + "idconv.weight"], null, stride: stride));
                skip = g.Add(Norm(w, p + "idbn", skip));
            }
            string sum = g.Add(new AddNode(p + "sum", [main, skip]));
            x = g.Add(new ReluNode(p + "relu", sum));
        }
        string pooled = g.Add(new ConcatNode("pool", [g.Add(new MaxPool1dNode("maxpool", x, null)), g.Add(new AvgPool1dNode("avgpool", x, null))]));
        string flat = g.Add(new FlattenNode("flatten", pooled));
        g.Add(new LinearNode("head", flat, w["head.weight"], w["head.bias"]));
        return g.Build();
    }

    private static BatchNorm1dNode Norm(IReadOnlyDictionary<string, Tensor> w, string name, string input) =>
        new(name, input, w[name + ".running_mean"], w[name + ".running_var"], w[name + ".weight"], w[name + ".bias"], 1e-5);
}
