using System.CommandLine;
using EcgXai.Reports;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai plot RECORD --out FILE.png</c>: draws a record on ECG paper.</summary>
public sealed class PlotCommand : Verb<PlotCommand.Settings>
{
    private readonly Argument<string> record;
    private readonly Option<string> output;
    private readonly Option<double> seconds;
    private readonly Option<double> rate;

    /// <summary>Declares the options.</summary>
    public PlotCommand()
        : base("plot", "draw a record (WFDB, CPSC .mat, SPH .h5) as a 12-lead ECG on paper (25 mm/s, 10 mm/mV) into a PNG",
            "ecgxai plot data/ptbxl/records500/00000/00001_hr --out 00001.png --seconds 10")
    {
        record = Use(SharedOptions.PathArgument("RECORD", "WFDB path without extension or its .hea, a CPSC-2018 .mat, or an SPH .h5"));
        output = Use(SharedOptions.Out("PNG file to write", required: true, helpName: "FILE"));
        seconds = Use(SharedOptions.Double("--seconds", 10, 0, "seconds of signal to draw"));
        rate = Use(SharedOptions.Double("--rate", 500, 0, "sampling rate of an SPH .h5 record (Hz)"));
    }

    /// <summary>What <c>plot</c> draws.</summary>
    /// <param name="Record">The record file.</param>
    /// <param name="Output">The PNG to write.</param>
    /// <param name="Rate">Sampling rate assumed for SPH records.</param>
    /// <param name="Plot">Drawing options.</param>
    public sealed record Settings(string Record, string Output, double Rate, EcgPlotOptions Plot);

    /// <inheritdoc />
    protected override Settings Read(ParseResult parse) =>
        new(parse.GetRequiredValue(record), parse.GetRequiredValue(output), parse.GetValue(rate), new EcgPlotOptions(parse.GetValue(seconds)));

    /// <inheritdoc />
    protected override string? OutputFile(Settings options) => options.Output;

    /// <inheritdoc />
    protected override int Execute(Settings options, VerbContext context)
    {
        EcgPlot.Save(options.Output, PlotSource.Read(options.Record, options.Rate), options.Plot);
        context.Out.WriteLine($"wrote {Path.GetFullPath(options.Output)}");
        return ExitCodes.Success;
    }
}
