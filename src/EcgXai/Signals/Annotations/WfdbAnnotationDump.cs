using System.Globalization;

namespace EcgXai.Signals.Annotations;

/// <summary>
/// Prints an annotation file like the WFDB library's <c>rdann</c>: elapsed time (<c>m:ss.mmm</c>, from the record's
/// sampling rate), sample number, mnemonic, <c>subtyp</c>, <c>chan</c>, <c>num</c> and, after a tab, the aux string.
/// </summary>
public static class WfdbAnnotationDump
{
    /// <summary>The lines for the annotation file <c>RECORD.EXT</c>; the record's header supplies the sampling rate.</summary>
    /// <exception cref="IO.InvalidRecordException">The header or the annotation file is missing or damaged.</exception>
    public static IEnumerable<string> Lines(string recordPath, string extension)
    {
        double rate = WfdbHeader.Read(recordPath).SampleRate;
        IReadOnlyList<WfdbAnnotation> annotations = WfdbAnnotationReader.Read(WfdbAnnotationReader.PathOf(recordPath, extension));
        return annotations.Select(a => Line(a, rate));
    }

    /// <summary>One <c>rdann</c> line.</summary>
    public static string Line(WfdbAnnotation a, double sampleRate)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{Time(a.Sample, sampleRate),12}{a.Sample,9}{a.Mnemonic,6}{a.SubType,5}{a.Channel,5}{a.Number,5}");
        return a.Aux is null ? line : line + "\t" + a.Aux;
    }

    /// <summary>Elapsed time as <c>rdann</c> prints it: <c>[h:]m:ss.mmm</c>.</summary>
    public static string Time(long sample, double sampleRate)
    {
        long ms = (long)Math.Round(sample * 1000.0 / sampleRate);
        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000;
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:D2}:{s:D2}.{f:D3}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:D2}.{f:D3}");
    }
}
