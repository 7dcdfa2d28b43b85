namespace EcgXai.Reports.Explanation;

/// <summary>What <see cref="RecordExplainer.Run"/> explains and how.</summary>
/// <param name="ModelPath">The checkpoint.</param>
/// <param name="OutDirectory">Folder for the PNGs, <c>explanation.json</c> and <c>index.html</c> (one subfolder per record).</param>
public sealed record ExplainOptions(string ModelPath, string OutDirectory)
{
    /// <summary>Record files to explain (WFDB, CPSC .mat, SPH .h5), each resampled and cut like the model's input.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>A dataset spec whose records <see cref="Ids"/> are explained (instead of or besides <see cref="Records"/>).</summary>
    public string? DataSpec { get; init; }

    /// <summary>Record ids of <see cref="DataSpec"/>.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Class explained; null explains each record's most probable class.</summary>
    public string? Target { get; init; }

    /// <summary>LRP composite name (see <c>Composite.FromName</c>).</summary>
    public string Composite { get; init; } = "epsilon_plus_flat";

    /// <summary>Layer whose top concepts get conditional heatmaps, or null for none.</summary>
    public string? ConceptLayer { get; init; }

    /// <summary>How many concepts of <see cref="ConceptLayer"/> to show.</summary>
    public int TopConcepts { get; init; } = 5;

    /// <summary>Sampling rate assumed for SPH .h5 records, which do not store it.</summary>
    public double Hdf5SampleRate { get; init; } = 500;

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Tensor cache folder for <see cref="DataSpec"/>, or null for the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot run.</summary>
    public void Validate()
    {
        if (Records.Count == 0 && (DataSpec is null || Ids.Count == 0))
        {
            throw new ArgumentException("name a record file, or a dataset and record ids");
        }
        if (DataSpec is null != (Ids.Count == 0))
        {
            throw new ArgumentException("record ids need a dataset and a dataset needs record ids");
        }
        if (TopConcepts < 1)
        {
            throw new ArgumentException($"the number of concepts must be at least 1, got {TopConcepts}");
        }
    }
}
