namespace EcgXai.Reports.Atlas;

/// <summary>What <see cref="AtlasBuilder.Build"/> wrote.</summary>
/// <param name="PagePath">The page, <c>report/index.html</c>.</param>
/// <param name="NotesPath">The merged notes beside it, <c>report/notes.json</c>.</param>
/// <param name="ModelSha256">The SHA-256 that keys the notes (empty when the run has no concepts).</param>
/// <param name="Concepts">Concept cards on the page.</param>
/// <param name="NotesShown">Notes attached to this model's concepts.</param>
/// <param name="NotesOfOtherModels">Notes kept in the file but not shown, since they belong to another model's concepts.</param>
/// <param name="Sections">Result folders shown.</param>
public sealed record AtlasResult(string PagePath, string NotesPath, string ModelSha256, int Concepts, int NotesShown, int NotesOfOtherModels, int Sections);
