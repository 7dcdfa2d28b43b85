using EcgXai.Signals;
namespace EcgXai.Datasets;

/// <summary>How records become model input: lead selection and order, target rate, fixed length, optional baseline high-pass.</summary>
/// <param name="Leads">Lead names in the order of the output rows (any accepted spelling).</param>
/// <param name="SampleRate">Target sampling rate in Hz (records are resampled with an anti-aliased polyphase filter).</param>
/// <param name="Length">Samples per lead after centre zero-padding or centre-cropping.</param>
/// <param name="HighPassHz">Cut-off of an optional zero-phase baseline high-pass, or null for none.</param>
public sealed record PreprocessOptions(IReadOnlyList<string> Leads, double SampleRate, int Length, double? HighPassHz = null)
{
    /// <summary>Records shorter than this (in seconds, at their own rate) are skipped and counted as "too-short". 0 accepts any length.</summary>
    public double MinimumSeconds { get; init; }

    /// <summary>Records with missing samples (NaN from the source's invalid-sample value) are skipped (default) or interpolated.</summary>
    public InvalidSampleHandling InvalidSamples { get; init; } = InvalidSampleHandling.Skip;

    /// <summary>Records lacking a requested lead are skipped (default) or have the missing leads zero-filled.</summary>
    public MissingLeadHandling MissingLeads { get; init; } = MissingLeadHandling.Refuse;

    /// <summary>The Ribeiro et al. convention: 12 standard leads, 400 Hz, 4096 samples.</summary>
    public static PreprocessOptions Ribeiro { get; } = new(LeadNames.Standard12, 400, 4096);
}
