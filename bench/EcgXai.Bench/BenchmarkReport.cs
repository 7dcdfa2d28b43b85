using System.Text.Json;

namespace EcgXai.Bench;

/// <summary>Result of one benchmark: named figures (seconds, rates, ratios) in a fixed order.</summary>
/// <param name="Name">Benchmark name, e.g. "explain".</param>
/// <param name="Figures">Figures in print order.</param>
public sealed record BenchmarkReport(string Name, IReadOnlyList<KeyValuePair<string, object>> Figures)
{
    /// <summary>One JSON object with every figure, on one line.</summary>
    public string ToJson()
    {
        var dict = new Dictionary<string, object>();
        foreach (var (key, value) in Figures)
        {
            dict[key] = value;
        }
        return JsonSerializer.Serialize(dict);
    }

    /// <summary>What a bench verb prints: the one JSON line when <paramref name="json"/>, else <see cref="ToLines"/>.</summary>
    public IEnumerable<string> Lines(bool json) => json ? [ToJson()] : ToLines();

    /// <summary>Human-readable lines, one figure each.</summary>
    public IEnumerable<string> ToLines() =>
        Figures.Select(f => $"{f.Key,-28} {(f.Value is double d ? d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : f.Value)}");
}
