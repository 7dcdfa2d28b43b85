namespace EcgXai.Reports.Atlas;

/// <summary>A PNG of the run folder, embedded in the page.</summary>
/// <param name="RelativePath">Path of the PNG inside the run folder.</param>
/// <param name="Png">The file's bytes.</param>
public sealed record AtlasImage(string RelativePath, byte[] Png);
