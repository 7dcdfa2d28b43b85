namespace EcgXai.Reports.Atlas;

/// <summary>A readable summary of one kind of result (the AUROC table, SRG, pruning, ...): a few formatted tables, a sentence and its pictures.</summary>
/// <param name="Id">Anchor of the block on the page.</param>
/// <param name="Title">Its heading.</param>
/// <param name="Note">One or two sentences saying what the tables show, or empty.</param>
/// <param name="Tables">Formatted tables (each names the file it was read from).</param>
/// <param name="Images">Its pictures.</param>
public sealed record AtlasBlock(string Id, string Title, string Note, IReadOnlyList<AtlasTable> Tables, IReadOnlyList<AtlasImage> Images);
