using EcgXai.Reports;

namespace EcgXai.Tests.Reports;

public class PlotTextTests
{
    [Fact]
    public void ALongPathTitleWrapsAtSlashesAndSpacesWithoutLosingText()
    {
        const string title = "ROC of …/work/cal/demoA/data/synthetic-ptbxl-hard@test (in-distribution) (shaded: 95 % bootstrap band)";
        string wrapped = PlotText.Wrap(title, 30);
        string[] lines = wrapped.Split('\n');
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 30));
        Assert.Equal(title, string.Concat(lines.Select((l, i) => i == 0 || lines[i - 1].EndsWith('/') ? l : " " + l)));
    }

    [Fact]
    public void AShortTitleStaysOneLine() => Assert.Equal("SRG curves at the input", PlotText.Wrap("SRG curves at the input", 60));
}
