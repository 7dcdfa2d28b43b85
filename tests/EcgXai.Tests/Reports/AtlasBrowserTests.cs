using System.Text.Json.Nodes;
using EcgXai.Reports.Atlas;
using EcgXai.Tests.Support;
using Microsoft.Playwright;
using SkiaSharp;

namespace EcgXai.Tests.Reports;

/// <summary>
/// The atlas in a real browser: Debian's Chromium driven by Playwright (no browser download). Skips where Chromium is
/// absent (CI installs it, so there it always runs).
/// </summary>
public class AtlasBrowserTests
{
    private static readonly string? Chromium = new[] { Environment.GetEnvironmentVariable("ECGXAI_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    [SkippableFact]
    public async Task Search_filters_notes_export_and_merge_back()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install chromium)");
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        AtlasResult built = AtlasBuilder.Build(new AtlasOptions(dir.Path));

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        await using IBrowserContext context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        IPage page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(built.PagePath).AbsoluteUri);

        Assert.Equal("10 of 10 concepts", await page.InnerTextAsync("#concept-count"));
        Assert.Equal("0.957 [0.888, 0.999]", await page.InnerTextAsync("[data-block='auroc'] tbody tr:first-child td:last-child"));
        // Every value of a concept is there, but collapsed until asked for.
        ILocator values = page.Locator("article.concept[data-layer='blocks.3.out'][data-channel='5'] details.values");
        Assert.False(await values.Locator("dt").First.IsVisibleAsync());
        await values.Locator("summary").ClickAsync();
        Assert.True(await values.Locator("dt", new() { HasText = "purity" }).IsVisibleAsync());
        // Concepts without pictures are collapsed below those with them; a search looks into them too.
        ILocator collapsed = page.Locator("article.concept[data-layer='blocks.3.out'][data-channel='4']");
        Assert.False(await collapsed.IsVisibleAsync());
        await page.FillAsync("#search", "blocks.3.out");
        Assert.True(await collapsed.IsVisibleAsync());
        await page.FillAsync("#search", "blocks.2.out");
        Assert.Equal("4 of 10 concepts", await page.InnerTextAsync("#concept-count"));
        Assert.Equal(4, await page.Locator("article.concept:not(.hidden)").CountAsync());
        await page.FillAsync("#search", "blocks.3.out c5");
        Assert.Equal(1, await page.Locator("article.concept:not(.hidden)").CountAsync());

        ILocator card = page.Locator("article.concept[data-layer='blocks.3.out'][data-channel='5']");
        await card.Locator("textarea").FillAsync("fires on the missing P wave before each QRS");
        await card.Locator("select").SelectOptionAsync("interpretable");
        await page.FillAsync("#search", "missing P wave");
        Assert.Equal("1 of 10 concepts", await page.InnerTextAsync("#concept-count"));
        await page.FillAsync("#search", "");
        await page.SelectOptionAsync("#verdict-filter", "interpretable");
        Assert.Equal("1 of 10 concepts", await page.InnerTextAsync("#concept-count"));
        await page.SelectOptionAsync("#verdict-filter", "");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-notes"));
        string exported = dir.File("exported notes.json");
        await download.SaveAsAsync(exported);
        JsonNode json = JsonNode.Parse(await File.ReadAllTextAsync(exported))!;
        Assert.Equal(ConceptNotes.Schema, (string?)json["schema"]);
        JsonNode note = Assert.Single(json["notes"]!.AsArray())!;
        Assert.Equal((built.ModelSha256, "blocks.3.out", 5, "interpretable", "fires on the missing P wave before each QRS"),
            ((string)note["model_sha256"]!, (string)note["layer"]!, (int)note["channel"]!, (string)note["verdict"]!, (string)note["note"]!));

        byte[] screenshot = await page.ScreenshotAsync(new() { FullPage = false });
        using (SKBitmap bitmap = SKBitmap.Decode(screenshot))
        {
            var colours = new HashSet<SKColor>();
            for (int y = 0; y < bitmap.Height; y += 7)
            {
                for (int x = 0; x < bitmap.Width; x += 7)
                {
                    colours.Add(bitmap.GetPixel(x, y));
                }
            }
            Assert.True(colours.Count > 20, $"the screenshot looks blank ({colours.Count} colours)");
        }

        // Merged back by `report --notes`, the note is in the next build, seen by a browser with no saved state.
        AtlasResult rebuilt = AtlasBuilder.Build(new AtlasOptions(dir.Path) { NotesFile = exported });
        Assert.Equal(1, rebuilt.NotesShown);
        await using IBrowserContext fresh = await browser.NewContextAsync();
        IPage second = await fresh.NewPageAsync();
        second.PageError += (_, e) => errors.Add(e);
        await second.GotoAsync(new Uri(rebuilt.PagePath).AbsoluteUri);
        Assert.Equal("fires on the missing P wave before each QRS", await second.Locator("article.concept[data-layer='blocks.3.out'][data-channel='5'] textarea").InputValueAsync());
        Assert.Empty(errors);
    }
}
