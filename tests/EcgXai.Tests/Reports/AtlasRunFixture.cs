using System.Globalization;
using System.Text;
using EcgXai.Reports;
using EcgXai.Training.Metrics;

namespace EcgXai.Tests.Reports;

/// <summary>A small run folder with everything the atlas shows: config naming a model, evaluation, concepts with cards, SRG.</summary>
public static class AtlasRunFixture
{
    /// <summary>Layers and channels of the concept table written by <see cref="Write"/>.</summary>
    public static readonly (string Layer, int Channels)[] Layers = [("blocks.2.out", 4), ("blocks.3.out", 6)];

    /// <summary>Writes the run folder into <paramref name="root"/>; returns the model file's path.</summary>
    public static string Write(string root)
    {
        string model = Path.Combine(root, "student", "models", "best.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        File.WriteAllBytes(model, Encoding.ASCII.GetBytes("not really a model, but a file to hash"));
        File.WriteAllText(Path.Combine(root, "config.json"), "{\"invocations\": [{\"verb\": \"concepts\", \"model\": \"student/models/best.safetensors\"}]}");
        Directory.CreateDirectory(Path.Combine(root, "eval", "student"));
        File.WriteAllText(Path.Combine(root, "eval", "student", "metrics.csv"), "dataset,class,auroc,ci_low,ci_high\nptbxl@test,AF,0.97,0.93,0.99\n");
        RocPlot.Write(Path.Combine(root, "eval", "student", "roc-ptbxl.png"), "ROC", [new RocPlot.Curve("AF", RocCurve.Of(new BinaryScores([0.1, 0.4, 0.35, 0.8], [false, false, true, true])))], 320, 280);

        string explain = Path.Combine(root, "explain");
        Directory.CreateDirectory(explain);
        var csv = new StringBuilder("rank,layer,channel,mean_relevance,purity,I,II,V1\n");
        foreach (var (layer, channels) in Layers)
        {
            for (int c = 0; c < channels; c++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{c + 1},{layer},{channels - 1 - c},{1.0 / (c + 1):R},{0.1 * c:R},0.5,0.3,0.2\n");
            }
        }
        File.WriteAllText(Path.Combine(explain, "concepts.csv"), csv.ToString());
        RocPlot.Write(Path.Combine(explain, "concept-blocks.3.out-c5-references.png"), "references", [], 200, 160);
        Directory.CreateDirectory(Path.Combine(explain, "srg"));
        File.WriteAllText(Path.Combine(explain, "srg", "best.json"), "{\"variant\": \"EpsilonPlusFlat/Gradient\", \"srg\": 0.31}");
        File.WriteAllText(Path.Combine(explain, "srg", "srg.csv"), "variant,place,srg\nEpsilonPlusFlat,input,0.31\nrandom,input,0.01\n");
        return model;
    }
}
