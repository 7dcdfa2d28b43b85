using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace EcgXai.Bench;

/// <summary>Result of one benchmark: named figures (numbers, arrays of numbers per batch size, or text) in a fixed order.</summary>
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

    /// <summary>The figure called <paramref name="key"/>.</summary>
    public object this[string key] => Figures.First(f => f.Key == key).Value;

    /// <summary>What a bench verb prints: the one JSON line when <paramref name="json"/>, else <see cref="ToLines"/>.</summary>
    public IEnumerable<string> Lines(bool json) => json ? [ToJson()] : ToLines();

    /// <summary>Human-readable lines, one figure each (arrays comma-separated).</summary>
    public IEnumerable<string> ToLines() => Figures.Select(f => $"{f.Key,-28} {Format(f.Value)}");

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable many => string.Join(", ", many.Cast<object>().Select(Format)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
