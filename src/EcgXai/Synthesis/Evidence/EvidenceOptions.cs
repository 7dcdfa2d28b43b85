namespace EcgXai.Synthesis.Evidence;

/// <summary>What <see cref="EvidenceDatasetWriter"/> writes.</summary>
/// <param name="OutputDirectory">Folder of the data set (PTB-XL layout); created, refused when not empty.</param>
/// <param name="Kind">The planted cue.</param>
/// <param name="Records">Number of records (about half positive).</param>
/// <param name="Seed">Seed; the same seed and options give the same bytes.</param>
public sealed record EvidenceOptions(string OutputDirectory, EvidenceKind Kind, int Records, ulong Seed)
{
    /// <summary>Leads that carry the cue (names); null for the kind's defaults (<see cref="EvidenceKinds.DefaultLeads"/>).</summary>
    public IReadOnlyList<string>? Leads { get; init; }

    /// <summary>Share of positive records.</summary>
    public double PositiveShare { get; init; } = 0.5;

    /// <summary>The population both classes are drawn from: normal sinus rhythm of the default preset.</summary>
    public SynthesisSettings Population { get; init; } = SynthesisSettings.Default with { Classes = new ClassMix(0, 0, 0, 0, 0, 0, Combinations: false) };
}
