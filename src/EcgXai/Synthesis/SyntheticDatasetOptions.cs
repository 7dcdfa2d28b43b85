namespace EcgXai.Synthesis;

/// <summary>What <see cref="SyntheticDatasetWriter"/> writes.</summary>
/// <param name="OutputDirectory">Folder of the data set; created, and refused when it exists and is not empty.</param>
/// <param name="Layout">Data set layout.</param>
/// <param name="Records">Number of records.</param>
/// <param name="Seed">Seed; the same seed and settings give the same bytes.</param>
/// <param name="Settings">Population and noise settings.</param>
public sealed record SyntheticDatasetOptions(string OutputDirectory, SyntheticLayout Layout, int Records, ulong Seed, SynthesisSettings Settings)
{
    /// <summary>
    /// A planted-evidence data set instead of the class population: binary, the label depends only on this cue (PTB-XL
    /// layout only; see <see cref="Evidence.EvidenceDatasetWriter"/>); null for the class population of <see cref="Settings"/>.
    /// </summary>
    public Evidence.EvidenceKind? Evidence { get; init; }

    /// <summary>Parses a layout name: "ptbxl" or "cpsc2018".</summary>
    public static SyntheticLayout ParseLayout(string name) => name switch
    {
        "ptbxl" => SyntheticLayout.PtbXl,
        "cpsc2018" => SyntheticLayout.Cpsc2018,
        _ => throw new ArgumentException($"unknown layout '{name}' (known: ptbxl, cpsc2018)", nameof(name)),
    };
}
