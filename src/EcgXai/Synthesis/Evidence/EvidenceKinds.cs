using EcgXai.Signals;
namespace EcgXai.Synthesis.Evidence;

/// <summary>Command-line names, positive-class labels and default leads of the evidence kinds.</summary>
public static class EvidenceKinds
{
    private static readonly (EvidenceKind Kind, string Name)[] Names =
        [(EvidenceKind.PAbsent, "p-absent"), (EvidenceKind.RrIrregular, "rr-irregular"), (EvidenceKind.StElevation, "st-elevation"), (EvidenceKind.QrsWide, "qrs-wide")];

    /// <summary>Every kind's name, as <c>synth --evidence</c> takes it.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The kind named <paramref name="name"/> (e.g. <c>p-absent</c>).</summary>
    public static EvidenceKind Parse(string name) =>
        Names.FirstOrDefault(n => n.Name == name) is { Name: not null } found
            ? found.Kind
            : throw new ArgumentException($"unknown evidence kind '{name}' (known: {string.Join(", ", All)})", nameof(name));

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(EvidenceKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>The positive class of <paramref name="kind"/>, e.g. <c>EVIDENCE_P_ABSENT</c> (a label of the common space).</summary>
    public static string Label(EvidenceKind kind) => "EVIDENCE_" + Name(kind).Replace('-', '_').ToUpperInvariant();

    /// <summary>Leads that carry the cue unless chosen: P waves where they are largest, ST in the anterior leads, every lead otherwise.</summary>
    public static IReadOnlyList<string> DefaultLeads(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PAbsent => ["II", "III", "aVF", "V1"],
        EvidenceKind.StElevation => ["V1", "V2", "V3", "V4"],
        _ => LeadNames.Standard12,
    };

    /// <summary>True when the region stands for a cue without a place of its own (the R-peak windows of moved beats).</summary>
    public static bool IsProxyRegion(EvidenceKind kind) => kind == EvidenceKind.RrIrregular;
}
