using EcgXai.Cli.Progress;
using Spectre.Console;

namespace EcgXai.Tests.CommandLine;

/// <summary>The live progress bars drawn on a terminal, here on an ANSI, interactive console writing into a string.</summary>
public class LiveProgressTests
{
    [Fact]
    public void AVerbRefusedBeforeItsFirstReportDrawsNothing()
    {
        var output = new StringWriter();
        Assert.Throws<FileNotFoundException>(() => LiveProgress.Run<int>(Terminal(output), _ => throw new FileNotFoundException("missing.safetensors")));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void AReportDrawsItsStageAndALogLineBeforeAnyReportDrawsOnlyThatLine()
    {
        var output = new StringWriter();
        LiveProgress.Run(Terminal(output), progress =>
        {
            progress.Log("loading");
            Assert.Equal("loading", output.ToString().TrimEnd());
            progress.Report("train", 1, 2, "epoch 1/2");
            progress.Report("train", 2, 2, "epoch 2/2");
            return 0;
        });
        Assert.Contains("train: epoch 2/2", output.ToString());
    }

    private static IAnsiConsole Terminal(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(output),
    });
}
