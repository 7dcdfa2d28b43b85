using System.Globalization;
using EcgXai.Datasets;

namespace EcgXai.Synthesis;

/// <summary>
/// The classes the generator produces, named as in the common label space, with the codes each dataset layout
/// writes for them (PTB-XL SCP statements, SNOMED CT for CinC <c>#Dx</c> lines, CPSC-2018 REFERENCE codes), taken
/// from <see cref="LabelMap"/> so writers and loaders share one table.
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

    /// <summary>Atrial flutter (here with variable AV block; a confounder of the <c>hard</c> preset, not a Ribeiro class).</summary>
    public const string AtrialFlutter = "AFL";

    /// <summary>Every label, rhythm labels first (atrial flutter last: only the <c>hard</c> preset draws it).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Normal, AtrialFibrillation, SinusBradycardia, SinusTachycardia, FirstDegreeAvBlock, RightBundleBranchBlock, LeftBundleBranchBlock, AtrialFlutter];

    /// <summary>PTB-XL SCP statement code of a label (e.g. AF → AFIB), the first of <see cref="LabelMap"/>'s codes.</summary>
    public static string ScpCode(string label) => Row(label).PtbXl[0];

    /// <summary>True for SCP rhythm statements, which PTB-XL lists with likelihood 0.0.</summary>
    public static bool IsScpRhythm(string label) => label is AtrialFibrillation or SinusBradycardia or SinusTachycardia or AtrialFlutter;

    /// <summary>SNOMED CT code of a label as written in CinC <c>#Dx</c> lines.</summary>
    public static string SnomedCode(string label) => Row(label).Snomed[0];

    /// <summary>CPSC-2018 REFERENCE code of a label, or null when CPSC-2018 has none (SB, ST).</summary>
    public static int? CpscCode(string label) =>
        Row(label).Cpsc2018 is [string code, ..] ? int.Parse(code, CultureInfo.InvariantCulture) : null;

    private static LabelMap.Row Row(string label) =>
        (All.Contains(label) || label.StartsWith("EVIDENCE_", StringComparison.Ordinal)) && LabelMap.Table.FirstOrDefault(r => r.Label == label) is { } row
            ? row
            : throw new ArgumentException($"'{label}' is not a synthetic class", nameof(label));
}
