using EcgXai.IO;
namespace EcgXai.Reports.Atlas;

/// <summary>What <see cref="AtlasBuilder"/> builds: the atlas of one run folder, optionally merging an expert's notes file.</summary>
/// <param name="RunDirectory">The run folder whose results are shown; the page is written to <c>report/index.html</c> inside it.</param>
public sealed record AtlasOptions(string RunDirectory)
{
    /// <summary>A notes file (exported from the page) merged into <c>report/notes.json</c> before the build; never modified.</summary>
    public string? NotesFile { get; init; }

    /// <summary>The model whose SHA-256 keys the notes; by default the model named in the run's <c>config.json</c>.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Rows of a CSV table shown at most (the rest is counted).</summary>
    public int MaxTableRows { get; init; } = 50;

    /// <summary>Concept cards shown per layer at most, the best ranked first.</summary>
    public int MaxConceptsPerLayer { get; init; } = 40;

    /// <summary>Throws when an option is out of range, the run folder is missing, or the notes file is not a valid notes file.</summary>
    public void Validate()
    {
        if (!Directory.Exists(RunDirectory))
        {
            throw new EcgXaiException(RunDirectory, "run folder not found");
        }
        if (NotesFile is not null && !File.Exists(NotesFile))
        {
            throw new EcgXaiException(NotesFile, "notes file not found");
        }
        if (NotesFile is not null)
        {
            ConceptNotes.Read(NotesFile);
        }
        if (ModelPath is not null && !File.Exists(ModelPath))
        {
            throw new EcgXaiException(ModelPath, "model file not found");
        }
        if (MaxTableRows < 1 || MaxConceptsPerLayer < 1)
        {
            throw new ArgumentException($"MaxTableRows and MaxConceptsPerLayer must be positive, got {MaxTableRows} and {MaxConceptsPerLayer}");
        }
    }
}
