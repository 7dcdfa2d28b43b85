namespace EcgXai.Signals;

/// <summary>
/// How <see cref="WfdbWriter"/> writes a header. <see cref="PtbXl"/> copies PTB-XL's style
/// (<c>1000.0(0)/mV</c>, unsigned checksums, upper-case <c>AVR</c>), <see cref="Cinc"/> the PhysioNet/CinC Challenge
/// style (<c>1000/mV</c>, signed checksums, <c>aVR</c>, <c>#Age:</c>/<c>#Sex:</c>/<c>#Dx:</c> comment lines).
/// </summary>
/// <param name="Gain">ADC units per mV.</param>
/// <param name="DecimalGainWithBaseline">Write the gain as <c>1000.0(0)/mV</c> instead of <c>1000/mV</c>.</param>
/// <param name="UnsignedChecksums">Write checksums as 0–65535 instead of -32768–32767.</param>
/// <param name="UpperCaseLeadNames">Write lead names upper case (AVR, AVL, AVF).</param>
/// <param name="WriteDemographics">Append <c>#Age:</c>, <c>#Sex:</c> and <c>#Dx:</c> (the record's source labels) lines.</param>
public sealed record WfdbWriteOptions(
    double Gain,
    bool DecimalGainWithBaseline,
    bool UnsignedChecksums,
    bool UpperCaseLeadNames,
    bool WriteDemographics)
{
    /// <summary>PTB-XL's header style at 1000 units/mV.</summary>
    public static WfdbWriteOptions PtbXl { get; } = new(1000, DecimalGainWithBaseline: true, UnsignedChecksums: true, UpperCaseLeadNames: true, WriteDemographics: false);

    /// <summary>The CinC Challenge header style at 1000 units/mV, with demographics and <c>#Dx</c> codes.</summary>
    public static WfdbWriteOptions Cinc { get; } = new(1000, DecimalGainWithBaseline: false, UnsignedChecksums: false, UpperCaseLeadNames: false, WriteDemographics: true);
}
