using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.IO;

namespace EcgXai.Cli.Commands;

/// <summary>
/// The <c>invocations</c> list of a run folder's <c>config.json</c>: the last successful command line of each verb that
/// wrote into the folder (with its working directory), so the run can be reproduced. Other keys of the file (written
/// by the library, e.g. a training job) are kept.
/// </summary>
public static class RunConfig
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "config.json";

    private const string Key = "invocations";

    /// <summary>The invocations recorded in <paramref name="folder"/> (none when the file is absent or unreadable).</summary>
    public static IReadOnlyList<Invocation> Invocations(string folder) =>
        Load(folder)?[Key] is JsonArray list ? list.OfType<JsonObject>().Select(Invocation.FromJson).ToArray() : [];

    /// <summary>Writes <paramref name="earlier"/> (read before the verb ran) with <paramref name="latest"/> replacing the same verb's entry.</summary>
    public static void Record(string folder, IReadOnlyList<Invocation> earlier, Invocation latest)
    {
        string path = Path.Combine(folder, FileName);
        JsonObject? config = File.Exists(path) ? Load(folder) : [];
        if (config is null)
        {
            return; // a config.json that is not a JSON object is not ours to rewrite
        }
        var list = new JsonArray();
        foreach (Invocation i in earlier.Where(i => i.Verb != latest.Verb).Append(latest))
        {
            list.Add(i.ToJson());
        }
        config[Key] = list;
        AtomicFile.WriteText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject? Load(string folder)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, FileName))) as JsonObject;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>One command line: the verb path (e.g. <c>evaluate</c>), its arguments, where and when it ran.</summary>
    public sealed record Invocation(string Verb, IReadOnlyList<string> Arguments, string WorkingDirectory, string At)
    {
        /// <summary>The invocation <paramref name="parse"/> describes, now, in the current directory.</summary>
        public static Invocation Of(ParseResult parse)
        {
            var verbs = new List<string>();
            for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
            {
                verbs.Insert(0, result.Command.Name);
            }
            return new Invocation(string.Join(' ', verbs), parse.Tokens.Skip(verbs.Count).Select(t => t.Value).ToArray(),
                Directory.GetCurrentDirectory(), DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }

        /// <summary>Reads an entry of the list.</summary>
        public static Invocation FromJson(JsonObject json) => new(
            json["verb"]?.GetValue<string>() ?? "",
            json["arguments"] is JsonArray a ? a.Select(v => v?.GetValue<string>() ?? "").ToArray() : [],
            json["working_directory"]?.GetValue<string>() ?? "",
            json["at"]?.GetValue<string>() ?? "");

        /// <summary>The entry as JSON.</summary>
        public JsonObject ToJson() => new()
        {
            ["verb"] = Verb,
            ["arguments"] = new JsonArray(Arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["working_directory"] = WorkingDirectory,
            ["at"] = At,
        };
    }
}
