namespace EcgXai.Synthesis;

/// <summary>
/// The classes the generator produces, named as in the common label space, with the codes each dataset layout
/// writes for them (PTB-XL SCP statements, SNOMED CT for CinC <c>#Dx</c> lines, CPSC-2018 REFERENCE codes).
/// </summary>
public static class SyntheticLabels
{
    /// <summary>Normal ECG: sinus rhythm 60–100 bpm, normal conduction.</summary>
    public const string Normal = "NORM";

    /// <summary>Atrial fibrillation.</summary>
    public const string AtrialFibrillation = "AF";

    /// <summary>First-degree AV block (PR &gt; 200 ms).</summary>
    public const string FirstDegreeAvBlock = "1dAVb";

    /// <summary>Complete right bundle branch block.</summary>
    public const string RightBundleBranchBlock = "RBBB";

    /// <summary>Complete left bundle branch block.</summary>
    public const string LeftBundleBranchBlock = "LBBB";

    /// <summary>Sinus bradycardia (&lt; 60 bpm).</summary>
    public const string SinusBradycardia = "SB";

    /// <summary>Sinus tachycardia (&gt; 100 bpm).</summary>
    public const string SinusTachycardia = "ST";

    private static readonly Dictionary<string, (string Scp, bool ScpRhythm, string Snomed, int? Cpsc)> Codes = new(StringComparer.Ordinal)
    {
        [Normal] = ("NORM", false, "426783006", 1),
        [AtrialFibrillation] = ("AFIB", true, "164889003", 2),
        [FirstDegreeAvBlock] = ("1AVB", false, "270492004", 3),
        [LeftBundleBranchBlock] = ("CLBBB", false, "164909002", 4),
        [RightBundleBranchBlock] = ("CRBBB", false, "59118001", 5),
        [SinusBradycardia] = ("SBRAD", true, "426177001", null),
        [SinusTachycardia] = ("STACH", true, "427084000", null),
    };

    /// <summary>Every label, rhythm labels first.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Normal, AtrialFibrillation, SinusBradycardia, SinusTachycardia, FirstDegreeAvBlock, RightBundleBranchBlock, LeftBundleBranchBlock];

    /// <summary>PTB-XL SCP statement code of a label (e.g. AF → AFIB).</summary>
    public static string ScpCode(string label) => Lookup(label).Scp;

    /// <summary>True for SCP rhythm statements, which PTB-XL lists with likelihood 0.0.</summary>
    public static bool IsScpRhythm(string label) => Lookup(label).ScpRhythm;

    /// <summary>SNOMED CT code of a label as written in CinC <c>#Dx</c> lines.</summary>
    public static string SnomedCode(string label) => Lookup(label).Snomed;

    /// <summary>CPSC-2018 REFERENCE code of a label, or null when CPSC-2018 has none (SB, ST).</summary>
    public static int? CpscCode(string label) => Lookup(label).Cpsc;

    private static (string Scp, bool ScpRhythm, string Snomed, int? Cpsc) Lookup(string label) =>
        Codes.TryGetValue(label, out var codes) ? codes : throw new ArgumentException($"'{label}' is not a synthetic class", nameof(label));
}
