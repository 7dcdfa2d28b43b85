namespace EcgXai.Signals;

/// <summary>Standard 12-lead names in canonical order and name normalisation (accepts AVR/avr, any case).</summary>
public static class LeadNames
{
    /// <summary>I, II, III, aVR, aVL, aVF, V1–V6.</summary>
    public static readonly IReadOnlyList<string> Standard12 =
        ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>Returns the canonical spelling of a lead name, or the trimmed input when it is not a standard lead.</summary>
    public static string Normalize(string name)
    {
        string trimmed = name.Trim();
        foreach (string lead in Standard12)
        {
            if (string.Equals(lead, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return lead;
            }
        }
        return trimmed;
    }

    /// <summary>Parses a comma-separated list of lead names into canonical spellings.</summary>
    public static IReadOnlyList<string> ParseList(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize).ToArray();
}
