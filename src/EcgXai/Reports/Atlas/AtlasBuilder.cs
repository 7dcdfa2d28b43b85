using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Builds <c>report/index.html</c> of a run folder from the files already in it (nothing is recomputed): renders missing concept cards from the stored reference samples (<see cref="AtlasCards"/>), merges an
/// expert's notes file into <c>report/notes.json</c> first when one is given, then renders the page, both atomically.
/// </summary>
public static class AtlasBuilder
{
    /// <summary>Builds the atlas of <paramref name="options"/>' run folder; reports each step through <paramref name="progress"/>.</summary>
    public static AtlasResult Build(AtlasOptions options, IProgress<string>? progress = null)
    {
        options.Validate();
        AtlasCards.Write(Path.GetFullPath(options.RunDirectory), options.ModelPath, options.MaxConceptsPerLayer, progress);
        progress?.Report($"reading {options.RunDirectory}");
        RunContent content = RunFolderReader.Read(options);
        string reportDir = Path.Combine(content.Root, "report");
        string notesPath = Path.Combine(reportDir, "notes.json");
        IReadOnlyList<ConceptNote> notes = ConceptNotes.Read(notesPath);
        if (options.NotesFile is { } incoming)
        {
            notes = ConceptNotes.Merge(notes, ConceptNotes.Read(incoming));
        }
        progress?.Report($"rendering {content.Concepts.Count} concepts, {content.Sections.Count} result folders");
        string page = AtlasPage.Render(content, notes);
        if (options.NotesFile is not null)
        {
            ConceptNotes.Write(notesPath, notes);
        }
        string pagePath = Path.Combine(reportDir, "index.html");
        AtomicFile.WriteText(pagePath, page);
        int shown = notes.Count(n => n.ModelSha256 == content.ModelSha256);
        return new AtlasResult(pagePath, notesPath, content.ModelSha256, content.Concepts.Count, shown, notes.Count - shown, content.Sections.Count);
    }
}
