using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// The notes file exported by the atlas page and merged back by <c>ecgxai report --notes</c>:
/// <c>{"schema": "ecgxai-atlas-notes/1", "notes": [{"model_sha256", "layer", "channel", "verdict", "note", "updated"}]}</c>.
/// </summary>
public static class ConceptNotes
{
    /// <summary>The schema tag every notes file carries.</summary>
    public const string Schema = "ecgxai-atlas-notes/1";

    /// <summary>Reads and validates a notes file; a missing file is an empty list.</summary>
    public static IReadOnlyList<ConceptNote> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, $"not a JSON notes file ({e.Message})");
        }
        if (root is not JsonObject obj || (string?)obj["schema"] != Schema || obj["notes"] is not JsonArray notes)
        {
            throw new EcgXaiException(path, $"not an atlas notes file (expected an object with \"schema\": \"{Schema}\" and a \"notes\" array)");
        }
        var result = new List<ConceptNote>();
        for (int i = 0; i < notes.Count; i++)
        {
            result.Add(Parse(path, i, notes[i]));
        }
        return result;
    }

    /// <summary>Merges <paramref name="incoming"/> into <paramref name="existing"/>: one note per concept, the newer one kept (on a tie the incoming).</summary>
    public static IReadOnlyList<ConceptNote> Merge(IEnumerable<ConceptNote> existing, IEnumerable<ConceptNote> incoming)
    {
        var merged = new Dictionary<(string, string, int), ConceptNote>();
        foreach (ConceptNote note in existing.Concat(incoming))
        {
            if (!merged.TryGetValue(note.Key, out ConceptNote? held) || string.CompareOrdinal(note.Updated, held.Updated) >= 0)
            {
                merged[note.Key] = note;
            }
        }
        return merged.Values.OrderBy(n => n.ModelSha256, StringComparer.Ordinal).ThenBy(n => n.Layer, StringComparer.Ordinal).ThenBy(n => n.Channel).ToArray();
    }

    /// <summary>Writes <paramref name="notes"/> as a notes file, atomically.</summary>
    public static void Write(string path, IEnumerable<ConceptNote> notes) => AtomicFile.WriteText(path, ToJson(notes).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>The notes as the file's JSON object.</summary>
    public static JsonObject ToJson(IEnumerable<ConceptNote> notes) => new()
    {
        ["schema"] = Schema,
        ["notes"] = new JsonArray(notes.Select(n => (JsonNode)new JsonObject
        {
            ["model_sha256"] = n.ModelSha256,
            ["layer"] = n.Layer,
            ["channel"] = n.Channel,
            ["verdict"] = n.Verdict,
            ["note"] = n.Note,
            ["updated"] = n.Updated,
        }).ToArray()),
    };

    private static ConceptNote Parse(string path, int index, JsonNode? node)
    {
        string Field(string name) => node?[name] is JsonValue v && v.TryGetValue(out string? s)
            ? s
            : throw new EcgXaiException(path, $"note {index}: \"{name}\" must be a string");
        if (node?["channel"] is not JsonValue cv || !cv.TryGetValue(out int channel) || channel < 0)
        {
            throw new EcgXaiException(path, $"note {index}: \"channel\" must be a non-negative integer");
        }
        string sha = Field("model_sha256");
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw new EcgXaiException(path, $"note {index}: \"model_sha256\" must be 64 lower-case hex digits");
        }
        string verdict = Field("verdict");
        if (verdict.Length > 0 && !ConceptNote.Verdicts.Contains(verdict))
        {
            throw new EcgXaiException(path, $"note {index}: verdict '{verdict}' is not one of {string.Join(", ", ConceptNote.Verdicts)}");
        }
        string updated = Field("updated");
        if (!DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            throw new EcgXaiException(path, $"note {index}: \"updated\" is not an ISO 8601 time ('{updated}')");
        }
        return new ConceptNote(sha, Field("layer"), channel, verdict, Field("note"), updated);
    }
}
