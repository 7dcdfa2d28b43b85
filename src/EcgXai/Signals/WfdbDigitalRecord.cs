namespace EcgXai.Signals;

/// <summary>A WFDB record's header and its digital samples, one array per signal (checksums already verified).</summary>
/// <param name="Header">The parsed header.</param>
/// <param name="Samples">Digital (ADC) values, <c>Samples[signal][t]</c>.</param>
public sealed record WfdbDigitalRecord(WfdbHeader Header, IReadOnlyList<int[]> Samples)
{
    /// <summary>Samples per signal.</summary>
    public int SampleCount => Samples.Count == 0 ? 0 : Samples[0].Length;

    /// <summary>What was read but is not as the header says (a signal file longer than declared), one line each naming the file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
