namespace EcgXai.Signals;

/// <summary>
/// One ECG recording: float32 samples <c>[leads, samples]</c> in millivolts (row-major, lead-major),
/// its sampling rate, lead names in canonical spelling, demographics, labels and provenance.
/// </summary>
/// <param name="Id">Record identifier (file stem or dataset id).</param>
/// <param name="Samples">Signal values in mV, <c>Samples[lead * SampleCount + t]</c>.</param>
/// <param name="LeadCount">Number of leads (rows).</param>
/// <param name="SampleRate">Sampling frequency in Hz.</param>
/// <param name="Leads">Lead names, one per row, canonical spelling (see <see cref="LeadNames"/>).</param>
/// <param name="Age">Age in years, or null when unknown.</param>
/// <param name="Sex">Patient sex.</param>
/// <param name="SourceLabels">Label codes exactly as the source states them (SCP, SNOMED, CPSC codes, ...).</param>
/// <param name="Labels">Labels mapped to the common label space (e.g. AF, RBBB).</param>
/// <param name="SourcePath">Path of the file the record was read from.</param>
public sealed record EcgRecord(
    string Id,
    float[] Samples,
    int LeadCount,
    double SampleRate,
    IReadOnlyList<string> Leads,
    double? Age,
    Sex Sex,
    IReadOnlyList<string> SourceLabels,
    IReadOnlyList<string> Labels,
    string SourcePath)
{
    /// <summary>Samples that the source marks as missing (WFDB's invalid-sample value); they are NaN in <see cref="Samples"/>.</summary>
    public int InvalidSampleCount { get; init; }

    /// <summary>What was read but is not as the source declares (a signal file longer than its header says), one line each naming the file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Samples per lead.</summary>
    public int SampleCount => LeadCount == 0 ? 0 : Samples.Length / LeadCount;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => SampleCount / SampleRate;

    /// <summary>The samples of one lead.</summary>
    public ReadOnlySpan<float> Lead(int index) => Samples.AsSpan(index * SampleCount, SampleCount);

    /// <summary>Index of a lead by name (any accepted spelling), or -1.</summary>
    public int IndexOfLead(string name)
    {
        string canonical = LeadNames.Normalize(name);
        for (int i = 0; i < Leads.Count; i++)
        {
            if (string.Equals(Leads[i], canonical, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
