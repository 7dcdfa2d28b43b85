namespace EcgXai.Signals;

/// <summary>Reads the sex spellings of record files and tables: Male/M, Female/F in any case; anything else is unknown.</summary>
public static class SexText
{
    /// <summary>The <see cref="Sex"/> that <paramref name="text"/> names.</summary>
    public static Sex Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "male" or "m" => Sex.Male,
        "female" or "f" => Sex.Female,
        _ => Sex.Unknown,
    };
}
