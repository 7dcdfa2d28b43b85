using EcgXai.IO;

namespace EcgXai.Datasets;

/// <summary>
/// A parsed dataset spec <c>KIND:PATH[@SPLIT]</c>, e.g. <c>ptbxl:/data/ptb-xl@test</c>.
/// </summary>
/// <param name="Kind">Which loader reads the dataset.</param>
/// <param name="Path">Folder of the dataset.</param>
/// <param name="Split">Selected part, or null for all records.</param>
public sealed record DatasetSpec(DatasetKind Kind, string Path, DatasetSplit? Split)
{
    private static readonly IReadOnlyDictionary<string, DatasetKind> Kinds = new Dictionary<string, DatasetKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["ptbxl"] = DatasetKind.PtbXl,
        ["cpsc2018"] = DatasetKind.Cpsc2018,
        ["challenge"] = DatasetKind.Challenge,
        ["cinc2017"] = DatasetKind.Cinc2017,
        ["sph"] = DatasetKind.Sph,
    };

    /// <summary>
    /// Parses <c>KIND:PATH[@train|@val|@test]</c>; an <c>@</c> suffix that is not a split is accepted only as part of an
    /// existing folder's name. Throws <see cref="EcgXaiException"/> naming the spec when it is malformed.
    /// </summary>
    public static DatasetSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int colon = spec.IndexOf(':');
        if (colon <= 0 || !Kinds.TryGetValue(spec[..colon], out DatasetKind kind))
        {
            throw new EcgXaiException(spec, "dataset spec must start with one of " + string.Join(", ", Kinds.Keys.Select(k => k + ":")));
        }
        string rest = spec[(colon + 1)..];
        DatasetSplit? split = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            split = rest[(at + 1)..].ToLowerInvariant() switch
            {
                "train" => DatasetSplit.Train,
                "val" => DatasetSplit.Val,
                "test" => DatasetSplit.Test,
                _ => null,
            };
            if (split is null && !Directory.Exists(rest))
            {
                throw new EcgXaiException(spec, $"unknown split '{rest[at..]}' (expected @train, @val or @test)");
            }
            rest = split is null ? rest : rest[..at];
        }
        if (rest.Length == 0)
        {
            throw new EcgXaiException(spec, "dataset spec has no path");
        }
        return new DatasetSpec(kind, rest, split);
    }

    /// <summary>The spec in its text form, <c>KIND:PATH[@SPLIT]</c>.</summary>
    public override string ToString() =>
        Kinds.First(k => k.Value == Kind).Key + ":" + Path + (Split is { } s ? "@" + s.ToString().ToLowerInvariant() : "");
}
