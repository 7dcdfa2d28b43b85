using System.Globalization;
using EcgXai.Signals;
using RecordSex = EcgXai.Signals.Sex;

namespace EcgXai.Datasets;

/// <summary>Parsing of the demographic fields datasets write as text.</summary>
public static class DatasetText
{
    /// <summary>Age in years from text; empty, unparsable or NaN gives null; PTB-XL's privacy value 300 counts as 90.</summary>
    public static double? Age(string text)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double age) || !double.IsFinite(age) || age < 0)
        {
            return null;
        }
        return age >= 300 ? 90 : age;
    }

    /// <summary>Sex from <c>M</c>/<c>Male</c>/<c>F</c>/<c>Female</c> (any case), else unknown.</summary>
    public static Sex Sex(string text) => text.Trim().ToLowerInvariant() switch
    {
        "m" or "male" => RecordSex.Male,
        "f" or "female" => RecordSex.Female,
        _ => RecordSex.Unknown,
    };

    /// <summary>An identifier written as a number ("15709.0") in its integer form; other text trimmed.</summary>
    public static string Identifier(string text)
    {
        string t = text.Trim();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == Math.Floor(v) && Math.Abs(v) < 1e15
            ? ((long)v).ToString(CultureInfo.InvariantCulture)
            : t;
    }
}
