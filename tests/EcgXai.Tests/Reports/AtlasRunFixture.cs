using System.Globalization;
using System.Text;
using System.Text.Json;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Reports;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Tests.Reports;

/// <summary>A small run folder with everything the atlas shows: config naming a model, evaluation, concepts with cards, SRG.</summary>
public static class AtlasRunFixture
{
    /// <summary>Layers and channels of the concept table written by <see cref="Write"/>.</summary>
    public static readonly (string Layer, int Channels)[] Layers = [("blocks.2.out", 4), ("blocks.3.out", 6)];

    /// <summary>An <c>evaluation.json</c> as <c>ecgxai evaluate</c> writes it: AF on one in-distribution and one shifted dataset.</summary>
    public const string EvaluationJson = """
        {"model": "student/models/best.safetensors", "datasets": [
          {"spec": "ptbxl:/data/ptbxl-records100@test", "name": "ptbxl-test", "in_distribution": true, "records": 80,
           "classes": [{"class": "AF", "n": 80, "positives": 9, "auroc": 0.95714, "auroc_ci": [0.88761, 0.99912], "ci_level": 0.9}]},
          {"spec": "challenge:/data/cpsc", "name": "cpsc", "in_distribution": false, "records": 16,
           "classes": [{"class": "AF", "n": 16, "positives": 4, "auroc": 1, "auroc_ci": [1, 1], "ci_level": 0.9}]}]}
        """;

    /// <summary>Writes the run folder into <paramref name="root"/>; returns the model file's path.</summary>
    public static string Write(string root)
    {
        string model = Path.Combine(root, "student", "models", "best.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        File.WriteAllBytes(model, Encoding.ASCII.GetBytes("not really a model, but a file to hash"));
        File.WriteAllText(Path.Combine(root, "config.json"), "{\"invocations\": [{\"verb\": \"concepts\", \"model\": \"student/models/best.safetensors\"}]}");
        Directory.CreateDirectory(Path.Combine(root, "eval", "student"));
        File.WriteAllText(Path.Combine(root, "eval", "student", "metrics.csv"), "dataset,class,auroc,ci_low,ci_high\nptbxl@test,AF,0.97,0.93,0.99\n");
        File.WriteAllText(Path.Combine(root, "eval", "student", "evaluation.json"), EvaluationJson);
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

    /// <summary>
    /// Writes <c>explain/concepts/</c> as <c>ecgxai concepts</c> leaves it for concept 3 of <c>blocks.4.out</c> (rank 1 of 2):
    /// statistics with a CI and a per-dataset rank, two reference crops of 20 and 30 samples over three leads (signal and
    /// conditional heatmap), purity under two label sources; and the model's configuration (100 Hz). Returns the folder.
    /// </summary>
    public static string WriteConceptFolder(string root)
    {
        string concepts = Path.Combine(root, "explain", "concepts");
        Directory.CreateDirectory(concepts);
        File.WriteAllText(Checkpoint.ConfigPathOf(Path.Combine(root, "student", "models", "best.safetensors")),
            JsonSerializer.Serialize(ResNet1dConfig.Compact with { LeadNames = ["I", "II", "V1"], SampleRate = 100 }, Checkpoint.JsonOptions));
        File.WriteAllText(Path.Combine(concepts, "statistics.csv"), "dataset,layer,concept,rank,normalised_mean,normalised_mean_ci_low,normalised_mean_ci_high\n"
            + "all,blocks.4.out,3,1,0.5,0.4,0.6\nall,blocks.4.out,8,2,0.25,0.2,0.3\nptbxl:/data/ptbxl@test,blocks.4.out,3,4,0.05,0.01,0.09\n");
        File.WriteAllText(Path.Combine(concepts, "purity.csv"), "layer,concept,rank,labels,references,purity,share_p,share_qrs,share_t,share_fwave\n"
            + "blocks.4.out,3,1,groundtruth,2,0.42,0.1,0.6,0.3,\nblocks.4.out,3,1,delineated,2,0.2,0.3,0.3,0.2,0.2\n");
        File.WriteAllText(Path.Combine(concepts, "lead_profiles.csv"), "layer,concept,lead,share,references\nblocks.4.out,3,I,0.2,2\nblocks.4.out,3,II,0.7,2\nblocks.4.out,3,V1,0.1,2\n");
        var index = new StringBuilder("layer,concept,rank,dataset,record,value,peak_time,field_start,field_end,tensor,start_tensor,sample_tensor\n");
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (rank, start, length) in new[] { (1, 10, 20), (2, 40, 30) })
        {
            string name = $"blocks.4.out/3/{rank}";
            index.Append(CultureInfo.InvariantCulture, $"blocks.4.out,3,{rank},ptbxl:/data/ptbxl@test,r{rank},0.{rank},{start + 5},{start},{start + length - 1},{name},{name}/start,{name}/sample\n");
            float[] wave = Enumerable.Range(0, 3 * length).Select(i => MathF.Sin(i * 0.3f)).ToArray();
            tensors.Add(new(name, tensor(wave.Select((v, i) => i / length == 1 ? v : v * 0.1f).ToArray(), [3, length])));
            tensors.Add(new(name + "/sample", tensor(wave, [3, length])));
        }
        File.WriteAllText(Path.Combine(concepts, "reference_heatmaps.csv"), index.ToString());
        SafeTensors.Write(Path.Combine(concepts, "reference_heatmaps.safetensors"), tensors);
        tensors.ForEach(t => t.Value.Dispose());
        return concepts;
    }
}
