namespace EcgXai.Datasets;

/// <summary>A record left out of a dataset, and why.</summary>
/// <param name="Id">Record id (as the index names it; the file name when the index has none).</param>
/// <param name="File">The file the problem is about.</param>
/// <param name="Reason">Short category, as counted in <c>SkippedByReason</c>.</param>
/// <param name="Problem">What is wrong, in words.</param>
public sealed record SkippedRecord(string Id, string File, string Reason, string Problem);
