namespace EcgXai.Signals;

/// <summary>How many digits <see cref="WfdbDump"/> prints of a physical value.</summary>
public enum WfdbDumpPrecision
{
    /// <summary>
    /// Enough to recover the value: the exact decimal value of (digital − baseline) / gain when the gain makes it
    /// terminate (every sample of a gain of 200 in 3 decimals, of 65.536 in 13), else the shortest text that parses back
    /// to the same double (like rdsamp <c>-P</c>).
    /// </summary>
    Full,

    /// <summary>As many decimals as resolve one ADC step (rdsamp <c>-p</c> style; digits beyond are rounded away).</summary>
    Resolution,
}
