using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EcgXai.IO;
using EcgXai.Reports;
using EcgXai.Reports.Atlas;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Reports;

public class AtlasBuilderTests
{
    [Fact]
    public void Reads_concepts_sections_and_the_model_that_keys_the_notes()
    {
        using var dir = new TempDir();
        string model = AtlasRunFixture.Write(dir.Path);
        RunContent content = RunFolderReader.Read(new AtlasOptions(dir.Path));

        Assert.Equal(Path.GetFullPath(model), content.ModelPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model))), content.ModelSha256);
        Assert.Equal(10, content.Concepts.Count);
        AtlasConcept top = content.Concepts.First(c => c.Layer == "blocks.3.out");
        Assert.Equal((1, 5, 1.0), (top.Rank!.Value, top.Channel, top.MeanRelevance!.Value));
        Assert.Equal([("I", 0.5), ("II", 0.3), ("V1", 0.2)], top.LeadProfile);
        Assert.Contains(top.Attributes, a => a.Key == "purity" && a.Value == "0");
        Assert.Single(top.Images);
        Assert.DoesNotContain(content.Concepts.Where(c => c != top), c => c.Images.Count > 0);
        // The card's picture is not shown again in its folder; the ROC stays in the evaluation section.
        Assert.DoesNotContain(content.Sections.SelectMany(s => s.Images), i => i.RelativePath.Contains("references", StringComparison.Ordinal));
        // The ROC curve is shown beside the AUROC table, not again in its folder.
        Assert.Contains(content.Sections, s => s.RelativePath == "eval/student" && s.Images.Count == 0 && s.Tables.Count == 1);
        AtlasBlock auroc = Assert.Single(content.ModelAndData);
        Assert.Single(auroc.Images);
        Assert.Contains(content.Sections, s => s.RelativePath == "explain/srg" && s.Summaries.Count == 1);
    }

    [Fact]
    public void Page_is_self_contained_and_embeds_only_this_models_notes()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        string sha = RunFolderReader.Read(new AtlasOptions(dir.Path)).ModelSha256;
        string notes = dir.File("notes.json");
        ConceptNotes.Write(notes, [
            new ConceptNote(sha, "blocks.3.out", 5, "interpretable", "looks at the absent P wave", "2026-12-01T10:00:00Z"),
            new ConceptNote(new string('a', 64), "blocks.3.out", 5, "unclear", "another model's concept", "2026-12-01T10:00:00Z")]);
        byte[] before = File.ReadAllBytes(notes);

        AtlasResult result = AtlasBuilder.Build(new AtlasOptions(dir.Path) { NotesFile = notes });

        string page = File.ReadAllText(result.PagePath);
        Assert.Equal((10, 1, 1), (result.Concepts, result.NotesShown, result.NotesOfOtherModels));
        Assert.Contains("looks at the absent P wave", page, StringComparison.Ordinal);
        Assert.DoesNotContain("another model's concept", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(notes));
        Assert.Equal(2, ConceptNotes.Read(result.NotesPath).Count);
    }

    [Fact]
    public void Reads_the_tables_of_ecgxai_concepts_and_shows_the_best_ranked_per_layer()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        string concepts = Path.Combine(dir.Path, "explain", "concepts");
        Directory.CreateDirectory(concepts);
        File.Delete(Path.Combine(dir.Path, "explain", "concepts.csv"));
        File.WriteAllText(Path.Combine(concepts, "statistics.csv"),
            "dataset,layer,concept,rank,normalised_mean\nall,blocks.4.out,7,2,0.2\nall,blocks.4.out,3,1,0.5\nall,blocks.4.out,9,3,0.1\nptbxl,blocks.4.out,3,4,0.05\n");
        File.WriteAllText(Path.Combine(concepts, "lead_profiles.csv"), "layer,concept,lead,share,references\nblocks.4.out,3,I,0.25,8\nblocks.4.out,3,V1,0.75,8\n");

        RunContent content = RunFolderReader.Read(new AtlasOptions(dir.Path) { MaxConceptsPerLayer = 2 });

        Assert.Equal([(3, 1), (7, 2)], content.Concepts.Select(c => (c.Channel, c.Rank!.Value)));
        AtlasConcept top = content.Concepts[0];
        Assert.Equal(0.5, top.MeanRelevance);
        Assert.Equal([("I", 0.25), ("V1", 0.75)], top.LeadProfile);
        Assert.Contains(top.Attributes, a => a.Key == "rank (ptbxl)" && a.Value == "4");
    }

    [Fact]
    public void Auroc_table_has_one_row_per_model_and_dataset_and_one_column_per_class()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        RunContent content = RunFolderReader.Read(new AtlasOptions(dir.Path));

        AtlasTable table = Assert.Single(Assert.Single(content.ModelAndData).Tables);
        Assert.Equal(["model", "dataset", "distribution", "records", "AF"], table.Header);
        Assert.Equal(["student", "ptbxl ptbxl-records100@test", "in", "80", "0.957 [0.888, 0.999]"], table.Rows[0]);
        Assert.Equal(["student", "challenge cpsc", "shifted", "16", "1.000 [1.000, 1.000]"], table.Rows[1]);
        string page = File.ReadAllText(AtlasBuilder.Build(new AtlasOptions(dir.Path)).PagePath);
        Assert.Contains("<td>0.957 [0.888, 0.999]</td>", page, StringComparison.Ordinal);
        Assert.Contains("90 % bootstrap interval", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Concepts_with_references_get_a_card_picture_with_their_receptive_field_purity_and_lead_profile()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        string concepts = AtlasRunFixture.WriteConceptFolder(dir.Path);

        IReadOnlyList<string> cards = ConceptCards.Write(concepts, "AF", 100, ["I", "II", "V1"], perLayer: 8);

        Assert.Equal([Path.Combine(concepts, "cards", ConceptCard.FileName("blocks.4.out", 3))], cards);
        Assert.Equal(0x89, File.ReadAllBytes(cards[0])[0]); // a PNG
        DateTime written = File.GetLastWriteTimeUtc(cards[0]);
        ConceptCards.Write(concepts, "AF", 100, ["I", "II", "V1"], perLayer: 8);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cards[0])); // newer than the references: kept

        RunContent content = RunFolderReader.Read(new AtlasOptions(dir.Path));
        AtlasConcept top = content.Concepts.Single(c => c.Layer == "blocks.4.out" && c.Channel == 3);
        Assert.Equal("explain/concepts/cards/concept-blocks.4.out-c3.png", Assert.Single(top.Images).RelativePath);
        Assert.DoesNotContain(content.Concepts.Where(c => c != top), c => c.Images.Any(i => i.RelativePath.Contains("cards", StringComparison.Ordinal)));
        Assert.Equal(30, top.FieldSamples); // the wider of the two references (20 and 30 samples)
        Assert.Equal((0.42, "groundtruth"), (top.Purity!.Value, top.PurityLabels));
        Assert.Equal([("QRS", 0.6), ("T", 0.3), ("P", 0.1)], top.WaveShares);
        Assert.Equal((0.4, 0.6), top.MeanInterval);
        Assert.Equal([("ptbxl:/data/ptbxl@test", 4)], top.DatasetRanks);

        string page = File.ReadAllText(AtlasBuilder.Build(new AtlasOptions(dir.Path)).PagePath);
        Assert.Contains("30 samples = 300 ms", page, StringComparison.Ordinal);
        Assert.Contains("0.500 [0.400, 0.600]", page, StringComparison.Ordinal);
        Assert.Contains("0.420 (groundtruth waves); largest shares: QRS 60 %, T 30 %, P 10 %", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"explain/concepts/cards/concept-blocks.4.out-c3.png\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keeps_the_newer_note_per_concept()
    {
        string sha = new('b', 64);
        var old = new ConceptNote(sha, "blocks.1.out", 3, "mixed", "old", "2026-01-01T00:00:00Z");
        var newer = old with { Note = "new", Updated = "2026-02-01T00:00:00Z" };
        var other = old with { Channel = 4 };

        Assert.Equal(["new", "old"], ConceptNotes.Merge([newer, other], [old]).Select(n => n.Note));
        Assert.Equal("new", Assert.Single(ConceptNotes.Merge([old], [newer])).Note);
    }

    [Theory]
    [InlineData("{\"schema\": \"other\", \"notes\": []}", "not an atlas notes file")]
    [InlineData("{\"schema\": \"ecgxai-atlas-notes/1\", \"notes\": [{\"model_sha256\": \"xyz\", \"layer\": \"a\", \"channel\": 1, \"verdict\": \"\", \"note\": \"\", \"updated\": \"2026-01-01T00:00:00Z\"}]}", "64 lower-case hex")]
    [InlineData("{\"schema\": \"ecgxai-atlas-notes/1\", \"notes\": [{\"model_sha256\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", \"layer\": \"a\", \"channel\": 1, \"verdict\": \"great\", \"note\": \"\", \"updated\": \"2026-01-01T00:00:00Z\"}]}", "verdict 'great'")]
    [InlineData("{\"schema\": \"ecgxai-atlas-notes/1\", \"notes\": [{\"layer\": \"a\", \"channel\": -1}]}", "non-negative integer")]
    [InlineData("not json", "not a JSON notes file")]
    public void Bad_notes_files_are_refused_naming_the_file(string text, string problem)
    {
        using var dir = new TempDir();
        string path = dir.File("bad notes.json");
        File.WriteAllText(path, text);
        var e = Assert.Throws<EcgXaiException>(() => ConceptNotes.Read(path));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains("bad notes.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concepts_without_a_model_are_refused()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        File.Delete(Path.Combine(dir.Path, "student", "models", "best.safetensors"));
        var e = Assert.Throws<EcgXaiException>(() => AtlasBuilder.Build(new AtlasOptions(dir.Path)));
        Assert.Contains("no model file", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "report")));
    }

    [Fact]
    public void Exported_schema_round_trips()
    {
        var note = new ConceptNote(new string('c', 64), "blocks.0.sum", 0, "", "text with \"quotes\" and </script>", "2026-03-03T03:03:03.000Z");
        using var dir = new TempDir();
        ConceptNotes.Write(dir.File("n.json"), [note]);
        Assert.Equal(note, Assert.Single(ConceptNotes.Read(dir.File("n.json"))));
        Assert.Equal(ConceptNotes.Schema, (string?)JsonNode.Parse(File.ReadAllText(dir.File("n.json")))!["schema"]);
    }
}
