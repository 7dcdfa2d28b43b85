using EcgXai.Reports;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai plot RECORD --out FILE.png [--seconds S] [--rate HZ]</c>: draws a record on ECG paper.</summary>
public sealed class PlotCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "plot";

    /// <inheritdoc />
    public string Summary => "draw a record (WFDB, CPSC .mat, SPH .h5) as a 12-lead ECG on paper (25 mm/s, 10 mm/mV) into a PNG";

    /// <inheritdoc />
    public string Usage => "ecgxai plot RECORD --out FILE.png [--seconds S] [--rate HZ]   (RECORD: WFDB path without extension or its .hea, a CPSC-2018 .mat, or an SPH .h5 sampled at --rate, default 500)";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string record = args.Positionals.Count == 1 ? args.Positionals[0] : throw new UsageException("name exactly one record");
        string output = args.Required("out");
        double seconds = args.Double("seconds", 10);
        double rate = args.Double("rate", 500);
        args.EnsureAllUsed();
        if (!(seconds > 0) || !(rate > 0))
        {
            throw new UsageException("--seconds and --rate must be positive");
        }
        EcgPlot.Save(output, PlotSource.Read(record, rate), new EcgPlotOptions(seconds));
        stdout.WriteLine($"wrote {Path.GetFullPath(output)}");
        return 0;
    }
}
