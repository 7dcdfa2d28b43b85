namespace EcgXai.Signals.Annotations;

/// <summary>
/// The WFDB annotation codes (<c>ecgcodes.h</c>): mnemonics as <c>rdann</c> prints them and which codes are beats
/// in the sense of ANSI/AAMI EC57 (QRS complexes; rhythm, noise, wave and comment annotations are not).
/// </summary>
public static class AnnotationCode
{
    /// <summary>Largest code of a real annotation; larger values of the 6-bit field are pseudo-annotations.</summary>
    public const int MaxCode = 49;

    /// <summary>Normal beat (N).</summary>
    public const int Normal = 1;

    /// <summary>Rhythm change (+), the rhythm named in the aux field, e.g. "(AFIB".</summary>
    public const int Rhythm = 28;

    private static readonly string[] Mnemonics =
    [
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "[15]", "|", "[17]", "s", "T", "*", "D",
        "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(", ")", "r",
        "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]",
    ];

    /// <summary>Beat codes scored by EC57: N L R a V F J A S E j / Q B ? e n f r.</summary>
    private static readonly HashSet<int> Beats = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 34, 35, 38, 41];

    /// <summary>The mnemonic <c>rdann</c> prints for <paramref name="code"/> (bracketed number for unassigned codes).</summary>
    public static string Mnemonic(int code) =>
        code >= 0 && code < Mnemonics.Length ? Mnemonics[code] : throw new ArgumentOutOfRangeException(nameof(code), code, $"annotation codes lie in 0–{MaxCode}");

    /// <summary>True for the codes that mark a QRS complex (the beats EC57 scores).</summary>
    public static bool IsBeat(int code) => Beats.Contains(code);
}
