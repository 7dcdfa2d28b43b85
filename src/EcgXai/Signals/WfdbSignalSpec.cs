namespace EcgXai.Signals;

/// <summary>
/// One signal line of a WFDB header:
/// <c>file fmt[xN][:skew][+offset] gain[(baseline)][/units] adcres adczero initval checksum blocksize description</c>.
/// Fields missing from the end of the line take the WFDB defaults.
/// </summary>
/// <param name="FileName">Signal file name, relative to the header's folder (a CinC <c>.mat</c> file is format 16 at offset 24).</param>
/// <param name="Format">Binary storage format.</param>
/// <param name="SamplesPerFrame">Samples of this signal per frame (1 unless <c>xN</c> is written).</param>
/// <param name="Skew">Skew in frames (0 unless <c>:skew</c> is written).</param>
/// <param name="ByteOffset">Bytes to skip at the start of the signal file (<c>+offset</c>).</param>
/// <param name="Gain">ADC units per physical unit; a missing or zero gain is WFDB's default 200 (see <see cref="IsCalibrated"/>).</param>
/// <param name="IsCalibrated">False when the header gives no gain or a gain of 0 (WFDB then assumes 200).</param>
/// <param name="Baseline">Digital value of 0 physical units; defaults to <paramref name="AdcZero"/>.</param>
/// <param name="Units">Physical units as written (default "mV").</param>
/// <param name="AdcResolution">ADC resolution in bits (0 when not given).</param>
/// <param name="AdcZero">Digital value of the ADC's zero input (0 when not given).</param>
/// <param name="InitialValue">Value of the first sample, or null when not given.</param>
/// <param name="Checksum">16-bit checksum of all samples as written (signed or unsigned), or null when not given or 0.</param>
/// <param name="BlockSize">Block size (0 for ordinary files).</param>
/// <param name="Description">Signal description (the lead name in ECG records).</param>
public sealed record WfdbSignalSpec(
    string FileName,
    WfdbFormat Format,
    int SamplesPerFrame,
    int Skew,
    long ByteOffset,
    double Gain,
    bool IsCalibrated,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int? InitialValue,
    int? Checksum,
    int BlockSize,
    string Description)
{
    /// <summary>WFDB's gain when a header gives none or 0.</summary>
    public const double DefaultGain = 200;

    /// <summary>Millivolts per physical unit of <see cref="Units"/> (mV, uV/µV, V, any case), or null for units that are not a voltage.</summary>
    public double? MillivoltsPerUnit => Units.ToLowerInvariant() switch
    {
        "mv" => 1.0,
        "uv" or "µv" or "μv" => 1e-3,
        "nv" => 1e-6,
        "v" => 1e3,
        _ => null,
    };

    /// <summary>
    /// The digital value that marks a missing sample in this signal's format (WFDB's invalid-sample value: the most
    /// negative value of the stored width, e.g. −32768 in formats 16, 61 and 160, −2048 in 212), or null for format 8,
    /// whose first differences have none.
    /// </summary>
    public int? InvalidValue => Format switch
    {
        WfdbFormat.Difference8 => null,
        WfdbFormat.Offset8 => sbyte.MinValue,
        WfdbFormat.Int16 or WfdbFormat.Int16BigEndian or WfdbFormat.Offset16 => short.MinValue,
        WfdbFormat.Int24 => -(1 << 23),
        WfdbFormat.Int32 => int.MinValue,
        WfdbFormat.Packed212 => -(1 << 11),
        _ => -(1 << 9),
    };

    /// <summary>True when <paramref name="digital"/> is the invalid-sample value of this signal's format.</summary>
    public bool IsInvalid(int digital) => digital == InvalidValue;

    /// <summary>The physical value (in <see cref="Units"/>) of a digital sample; NaN for the invalid-sample value.</summary>
    public double ToPhysical(int digital) => IsInvalid(digital) ? double.NaN : (digital - Baseline) / Gain;
}
