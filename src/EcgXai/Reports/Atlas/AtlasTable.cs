namespace EcgXai.Reports.Atlas;

/// <summary>A CSV table of the run folder as the atlas shows it: its first rows, and how many there are in all.</summary>
/// <param name="RelativePath">Path of the CSV file inside the run folder.</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">The rows shown.</param>
/// <param name="TotalRows">Rows in the file.</param>
public sealed record AtlasTable(string RelativePath, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows);
