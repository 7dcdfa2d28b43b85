using EcgXai.Explain.Concepts;
using EcgXai.Models;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Before a build: renders the concept cards (<see cref="ConceptCards"/>) of every concept analysis folder below the run's
/// <c>explain/</c> that holds reference samples, for the class it explained, at the sample rate and lead names of the model
/// its <c>config.json</c> names (or the given one when that file has moved). A folder whose model has no configuration file (an ONNX graph) gets no cards.
/// </summary>
public static class AtlasCards
{
    /// <summary>
    /// Writes the cards of <paramref name="root"/>'s concept folders (at most <paramref name="perLayer"/> per layer); a folder
    /// whose model file has moved uses <paramref name="model"/> instead, when given. Reports each folder.
    /// </summary>
    public static void Write(string root, string? model, int perLayer, IProgress<string>? progress)
    {
        string explain = Path.Combine(root, "explain");
        if (!Directory.Exists(explain))
        {
            return;
        }
        foreach (string index in Directory.EnumerateFiles(explain, ConceptCards.IndexFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string directory = Path.GetDirectoryName(index)!;
            string configPath = Path.Combine(directory, ConceptRunConfig.FileName);
            if (!File.Exists(configPath))
            {
                continue;
            }
            ConceptRunConfig config = ConceptRunConfig.Load(configPath);
            string modelPath = File.Exists(config.Model) ? config.Model : model ?? config.Model;
            if (Checkpoint.ConfigOf(modelPath) is not { } modelConfig)
            {
                progress?.Report($"no concept cards for {directory}: the model {modelPath} has no configuration file giving its sample rate and leads");
                continue;
            }
            IReadOnlyList<string> cards = ConceptCards.Write(directory, config.Options.Target, modelConfig.SampleRate, modelConfig.LeadNames, perLayer);
            progress?.Report($"{cards.Count} concept cards in {Path.Combine(directory, ConceptCards.FolderName)}");
        }
    }
}
