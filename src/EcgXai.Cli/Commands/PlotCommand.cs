using EcgXai.Reports;
using EcgXai.Signals;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai plot RECORD --out FILE.png [--seconds S]</c>: draws a WFDB record on ECG paper.</summary>
public sealed class PlotCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "plot";

    /// <inheritdoc />
    public string Summary => "draw a WFDB record as a 12-lead ECG on paper (25 mm/s, 10 mm/mV) into a PNG";

    /// <inheritdoc />
    public string Usage => "ecgxai plot RECORD --out FILE.png [--seconds S]   (RECORD: path without extension or its .hea)";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string record = args.Positionals.Count == 1 ? args.Positionals[0] : throw new UsageException("name exactly one record");
        string output = args.Required("out");
        double seconds = args.Double("seconds", 10);
        args.EnsureAllUsed();
        if (!(seconds > 0))
        {
            throw new UsageException("--seconds must be positive");
        }
        EcgPlot.Save(output, WfdbRecordReader.Read(record), new EcgPlotOptions(seconds));
        stdout.WriteLine($"wrote {Path.GetFullPath(output)}");
        return 0;
    }
}
