using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.Datasets;
using EcgXai.Explain.Crp;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Concepts;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
using static TorchSharp.torch;

namespace EcgXai.Reports.Explanation;

/// <summary>
/// Explains single ECGs with a checkpoint: each record is read (any supported format) and preprocessed exactly like the
/// model's input; the model's probability per class, the LRP heatmap of the target per lead (drawn over the ECG), and
/// for the top-k concepts of a layer their relevance share and CRP conditional heatmap. Writes one folder per record
/// and an <c>index.html</c> plus <c>explanation.json</c> over all of them.
/// </summary>
public static class RecordExplainer
{
    /// <summary>Runs the explanation; progress lines name each record.</summary>
    public static ExplainReport Run(ExplainOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        Composite composite = NamedComposites.FromName(options.Composite, new Dictionary<string, double>());
        Device device = TorchDevice.Resolve(options.Device);
        var (model, _) = Checkpoint.Load(options.ModelPath, device);
        using (model)
        {
            model.eval();
            ResNet1dConfig config = model.Config;
            int? target = options.Target is null ? null : ModelClasses.IndexOf(config.ClassNames, options.Target, options.ModelPath);
            using var explainer = Attributor.For(model, composite);
            // Under a first-layer rule that ignores the input (EpsilonPlusFlat's Flat) every lead would get the same heatmap;
            // the layers above it, and so the concepts' relevance, are the same with either attributor.
            using var leads = new LeadProfileExplainer(explainer);
            Attributor attributor = leads.Attributor;
            if (options.ConceptLayer is { } layer && !attributor.ConceptNodes.Contains(layer))
            {
                throw new EcgXaiException(options.ModelPath, $"'{layer}' is not a concept layer of the model (its concept layers: {string.Join(", ", attributor.ConceptNodes)})");
            }
            var explanations = new List<RecordExplanation>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (record, source) in Inputs(options, config))
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report($"explaining {record.Id} ({source})");
                string folder = UniqueFolder(record.Id, used);
                explanations.Add(Explain(attributor, leads.Replaced ? $"{options.Composite}, {leads.Replacement}" : options.Composite, config, record, source, target, options, Path.Combine(options.OutDirectory, folder), folder, device));
            }
            string page = Path.Combine(options.OutDirectory, "index.html");
            var report = new ExplainReport(Path.GetFullPath(options.ModelPath), composite.Name, options.ConceptLayer, explanations, page) { LeadRule = leads.Rule };
            AtomicFile.WriteText(Path.Combine(options.OutDirectory, "explanation.json"), Json(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            AtomicFile.WriteText(page, ExplanationPage.Html(report, config.ClassNames));
            return report;
        }
    }

    private static RecordExplanation Explain(Attributor attributor, string label, ResNet1dConfig config, EcgRecord record, string source, int? fixedTarget,
        ExplainOptions options, string directory, string folder, Device device)
    {
        using var scope = NewDisposeScope();
        using var x = tensor(record.Samples, [1, config.LeadCount, config.InputLength], dtype: ScalarType.Float32, device: device);
        float[] probabilities;
        using (no_grad())
        {
            probabilities = attributor.Graph.Forward(x.to(attributor.ScalarType)).sigmoid().to(ScalarType.Float32).cpu().data<float>().ToArray();
        }
        if (probabilities.Any(float.IsNaN))
        {
            throw new EcgXaiException(options.ModelPath, $"a score of record '{record.Id}' is NaN: the model's weights or the record's inputs hold NaN");
        }
        int target = fixedTarget ?? Array.IndexOf(probabilities, probabilities.Max());
        string targetName = config.ClassNames[target];
        string? layer = options.ConceptLayer;
        using AttributionResult lrp = attributor.Attribute(x, [target], layer is null ? null : [layer]);
        string heatmap = "heatmap.png";
        Plot(record, lrp.InputRelevance, 0, Path.Combine(directory, heatmap), $"LRP ({label}) for {targetName}");

        var concepts = new List<ConceptShare>();
        if (layer is not null)
        {
            float[] shares = ConceptRelevance.PerChannel(lrp.Relevance[layer], normalise: true).to(ScalarType.Float32).cpu().data<float>().ToArray();
            float[] raw = ConceptRelevance.PerChannel(lrp.Relevance[layer]).to(ScalarType.Float32).cpu().data<float>().ToArray();
            int[] top = Enumerable.Range(0, raw.Length).OrderByDescending(c => raw[c]).ThenBy(c => c).Take(options.TopConcepts).ToArray();
            using AttributionResult conditional = new ConceptAttributor(attributor).Attribute(x, 0, target, layer, top.Select(c => (IReadOnlyList<int>)[c]).ToArray());
            for (int i = 0; i < top.Length; i++)
            {
                string file = $"concept-{layer}-{top[i]}.png";
                Plot(record, conditional.InputRelevance, i, Path.Combine(directory, file), $"CRP {layer} channel {top[i]} for {targetName}");
                concepts.Add(new ConceptShare(top[i], raw[top[i]], shares[top[i]], file));
            }
        }
        var byClass = config.ClassNames.Select((c, i) => (c, (double)probabilities[i])).ToDictionary(p => p.c, p => p.Item2);
        return new RecordExplanation(record.Id, source, byClass, targetName, folder, heatmap, concepts);
    }

    private static void Plot(EcgRecord record, Tensor relevance, int row, string path, string label)
    {
        float[] values = relevance[row].to(ScalarType.Float32).cpu().data<float>().ToArray();
        EcgPlot.Save(path, record, new EcgPlotOptions(record.SampleCount / record.SampleRate), new RelevanceOverlay(record.Leads, values, label));
    }

    /// <summary>The records to explain, preprocessed to the model's input, with where each came from.</summary>
    private static IEnumerable<(EcgRecord Record, string Source)> Inputs(ExplainOptions options, ResNet1dConfig config)
    {
        var preprocess = config.Preprocessing();
        var preprocessor = new Preprocessor(preprocess);
        foreach (string path in options.Records)
        {
            EcgRecord raw = PlotSource.Read(path, options.Hdf5SampleRate);
            yield return (AsInput(raw, preprocessor.Process(raw), config), path);
        }
        if (options.DataSpec is { } spec)
        {
            // Only the named records are read, as single files are; an unknown id is refused before any is.
            DatasetPreparer.Check([spec], preprocess, config.ClassNames);
            DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse(spec), preprocess.SampleRate);
            var entries = index.Selected.ToDictionary(e => e.Id, StringComparer.Ordinal);
            string? missing = options.Ids.FirstOrDefault(id => !entries.ContainsKey(id));
            if (missing is not null)
            {
                throw new EcgXaiException(spec, $"no record '{missing}' (or it was skipped as damaged)");
            }
            foreach (string id in options.Ids)
            {
                EcgRecord raw = index.Read(entries[id]);
                yield return (AsInput(raw, preprocessor.Process(raw), config), spec);
            }
        }
    }

    private static EcgRecord AsInput(EcgRecord raw, float[] input, ResNet1dConfig config) =>
        raw with { Samples = input, LeadCount = config.LeadCount, Leads = config.LeadNames, SampleRate = config.SampleRate };

    private static string UniqueFolder(string id, HashSet<string> used)
    {
        string name = string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
        name = name.Length == 0 ? "record" : name;
        string candidate = name;
        for (int n = 2; !used.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}-{n}");
        }
        return candidate;
    }

    private static JsonObject Json(ExplainReport report) => new()
    {
        ["model"] = report.ModelPath,
        ["composite"] = report.Composite,
        ["concept_layer"] = report.ConceptLayer,
        ["lead_rule"] = report.LeadRule,
        ["records"] = new JsonArray(report.Records.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["source"] = r.Source,
            ["target"] = r.Target,
            ["probabilities"] = new JsonObject(r.Probabilities.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["heatmap"] = $"{r.Folder}/{r.Heatmap}",
            ["concepts"] = new JsonArray(r.Concepts.Select(c => (JsonNode)new JsonObject
            {
                ["channel"] = c.Channel,
                ["relevance"] = c.Relevance,
                ["share"] = c.Share,
                ["heatmap"] = $"{r.Folder}/{c.Heatmap}",
            }).ToArray()),
        }).ToArray()),
    };
}
