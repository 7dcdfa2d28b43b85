namespace EcgXai.Signals;

/// <summary>What <see cref="WfdbDump"/> prints of a record.</summary>
/// <param name="RecordPath">The record's path without extension or its <c>.hea</c> file.</param>
/// <param name="Physical">Physical values (in each signal's units) instead of digital integers.</param>
/// <param name="From">First sample, inclusive.</param>
/// <param name="To">Last sample, exclusive; null for the end of the record.</param>
/// <param name="Channels">0-based signal numbers in output order; null for all signals in header order.</param>
public sealed record WfdbDumpOptions(string RecordPath, bool Physical = false, int From = 0, int? To = null, IReadOnlyList<int>? Channels = null)
{
    /// <summary>Digits of physical values (default: enough to recover each value exactly).</summary>
    public WfdbDumpPrecision Precision { get; init; } = WfdbDumpPrecision.Full;

    /// <summary>Extension of an annotation file to print like <c>rdann</c> instead of the samples (e.g. <c>atr</c>); null for samples.</summary>
    public string? AnnotationExtension { get; init; }
}
