using EcgXai.IO;
using IOPath = System.IO.Path;

namespace EcgXai.Signals;

/// <summary>
/// A parsed WFDB header (<c>.hea</c>): the record line, one <see cref="WfdbSignalSpec"/> per signal, and the
/// comment lines, with the PhysioNet/CinC demographics and labels they carry
/// (<c>#Age:</c>, <c>#Sex:</c>, <c>#Dx:</c>/<c># Dx:</c> codes, <c># Labels:</c> entries).
/// </summary>
/// <param name="Path">The header file.</param>
/// <param name="RecordName">Record name from the record line (a <c>.mat</c> suffix removed).</param>
/// <param name="SampleRate">Samples per second per signal (WFDB default 250 when not given).</param>
/// <param name="SampleCount">Samples per signal, or null when the header does not say (then the signal files do).</param>
/// <param name="StartTime">Base time and date as written on the record line, or null.</param>
/// <param name="Signals">The signal lines in order.</param>
/// <param name="Comments">Comment lines without the leading <c>#</c>, trimmed.</param>
/// <param name="Age">Age in years from <c>Age:</c>, or null when missing or NaN.</param>
/// <param name="Sex">Sex from <c>Sex:</c> (Male/M, Female/F, any case).</param>
/// <param name="SourceLabels">Codes of <c>Dx:</c> and entries of <c>Labels:</c>, comma-split, as written.</param>
public sealed record WfdbHeader(
    string Path,
    string RecordName,
    double SampleRate,
    int? SampleCount,
    string? StartTime,
    IReadOnlyList<WfdbSignalSpec> Signals,
    IReadOnlyList<string> Comments,
    double? Age,
    Sex Sex,
    IReadOnlyList<string> SourceLabels)
{
    /// <summary>WFDB's sampling frequency when a header gives none.</summary>
    public const double DefaultSampleRate = 250;

    /// <summary>The header path of a record given as its path without extension or as its <c>.hea</c> file.</summary>
    public static string HeaderPathOf(string recordPath) =>
        recordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase) ? recordPath : recordPath + ".hea";

    /// <summary>Reads and parses the header of <paramref name="recordPath"/> (path without extension or the <c>.hea</c>).</summary>
    /// <exception cref="InvalidRecordException">The header is missing, unreadable or malformed.</exception>
    public static WfdbHeader Read(string recordPath)
    {
        string path = HeaderPathOf(recordPath);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidRecordException(path, "missing", "header file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidRecordException(path, "io", "cannot read header: " + e.Message, e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses header text; <paramref name="path"/> names the file in errors and locates the signal files.</summary>
    /// <exception cref="InvalidRecordException">The text is not a valid single-segment WFDB header.</exception>
    public static WfdbHeader Parse(string text, string path) => WfdbHeaderParser.Parse(text, path);

    /// <summary>The full path of a signal file named in this header, which must lie inside the header's folder.</summary>
    /// <exception cref="InvalidRecordException">The name resolves outside the header's folder (reason <see cref="ContainedPath.OutsideReason"/>).</exception>
    public string SignalFilePath(WfdbSignalSpec signal) =>
        ContainedPath.Resolve(IOPath.GetDirectoryName(IOPath.GetFullPath(Path)) ?? ".", signal.FileName, Path, "signal file");
}
