using System.CommandLine;
using EcgXai.IO;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using EcgXai.Cli;
using EcgXai.Cli.Commands;
using EcgXai.Cli.Progress;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.CommandLine;

/// <summary>The command line as a user meets it: help, usage errors, missing files, paths with spaces, exit codes.</summary>
public class CommandLineTests
{
    /// <summary>Every verb and bench kind, as the words that name it.</summary>
    public static TheoryData<string> AllVerbs()
    {
        var data = new TheoryData<string>();
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null);
        foreach (Verb verb in EcgXaiCli.Verbs(env))
        {
            data.Add(verb.Name);
            foreach (var sub in verb.Subcommands.OfType<Verb>())
            {
                data.Add(verb.Name + " " + sub.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public void EveryVerbHasHelpWithDefaultsAndAnExample(string verb)
    {
        string[] words = verb.Split(' ');
        var (code, output, err) = CliRunner.Run([.. words, "--help"]);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains($"ecgxai {verb}", output);
        Assert.Contains("Example:\n  ecgxai " + verb, output.Replace("\r", ""));
        Command command = words.Aggregate<string, Command>(EcgXaiCli.Verbs(new CliEnvironment(TextWriter.Null, TextWriter.Null)).Single(v => v.Name == words[0]),
            (parent, word) => parent.Name == word ? parent : parent.Subcommands.Single(c => c.Name == word));
        foreach (Option option in command.Options.Where(o => !o.Hidden))
        {
            Assert.Contains(option.Name, output);
        }
        var (helpCode, helpOutput, _) = CliRunner.Run(["help", .. words]);
        Assert.Equal(0, helpCode);
        Assert.Equal(output, helpOutput);
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public void AnUnknownOptionIsAUsageErrorOfEveryVerb(string verb)
    {
        var (code, output, err) = CliRunner.Run([.. verb.Split(' '), "--no-such-option"]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"ecgxai {verb}: Unrecognized command or argument '--no-such-option'", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void HelpDefaultsComeFromTheLibraryOptions()
    {
        var (_, output, _) = CliRunner.Run("train", "--help");
        Assert.Matches(@"--epochs <N>\s+maximum epochs \[default: 30\]", output);
        Assert.Matches(@"--preset <compact\|ribeiro>\s+model preset \[default: compact\]", output);
        Assert.Contains("(REQUIRED)", output);
    }

    [Fact]
    public void UnknownVerbAndMissingArgumentAreUsageErrors()
    {
        Assert.Equal(2, CliRunner.Run("frobnicate").Code);
        Assert.Equal(2, CliRunner.Run("plot").Code);
        Assert.Equal(2, CliRunner.Run("bench").Code);
        var (code, _, err) = CliRunner.Run("synth", "--out", "x", "--records", "0");
        Assert.Equal(2, code);
        Assert.Contains("--records must be at least 1, got 0", err);
        Assert.Equal(2, CliRunner.Run("demo", "--quick", "--full").Code);
        (code, _, err) = CliRunner.Run("demo", "--records", "50");
        Assert.Equal(2, code);
        Assert.Contains("at least 100 training", err);
    }

    [Theory]
    [InlineData("plot", "{0}", "--out", "{1}/a.png")]
    [InlineData("dump", "{0}")]
    [InlineData("verify-reference", "{0}.json")]
    [InlineData("evaluate", "--model", "{0}.safetensors", "--data", "ptbxl:{1}")]
    [InlineData("distill", "--teacher", "{0}.safetensors", "--data", "ptbxl:{1}", "--out", "{1}/run")]
    [InlineData("train", "--data", "ptbxl:{0}", "--out", "{1}/run")]
    [InlineData("cohort", "--data", "ptbxl:{0}")]
    [InlineData("report", "--run", "{0}")]
    [InlineData("report", "--run", "{1}", "--notes", "{0}")]
    [InlineData("explain", "--model", "{1}/m.safetensors", "--record", "{0}", "--out", "{1}/run")]
    [InlineData("explain", "--model", "{0}.safetensors", "--data", "ptbxl:{1}", "--ids", "1", "--out", "{1}/run")]
    [InlineData("concepts", "--model", "{0}.safetensors", "--data", "ptbxl:{1}", "--out", "{1}/run")]
    [InlineData("merge", "--out", "{1}/run", "{0}")]
    [InlineData("rules", "--model", "{0}.onnx")]
    [InlineData("srg", "--model", "{0}.safetensors", "--data", "ptbxl:{1}", "--out", "{1}/run")]
    [InlineData("srg", "--model", "{1}/m.safetensors", "--data", "ptbxl:{0}", "--out", "{1}/run")]
    [InlineData("prune", "--model", "{0}.safetensors", "--rank-data", "ptbxl:{1}@val", "--data", "ptbxl:{1}", "--target", "AF", "--out", "{1}/run")]
    [InlineData("prune", "--model", "{1}/m.safetensors", "--rank-data", "ptbxl:{0}@val", "--data", "cpsc2018:{1}", "--target", "AF", "--out", "{1}/run")]
    public void AMissingFileFailsWithOneLineNamingIt(params string[] template)
    {
        using var dir = new TempDir();
        string missing = dir.File("no such record");
        string[] args = template.Select(a => a.Replace("{0}", missing).Replace("{1}", dir.Path)).ToArray();
        var (code, output, err) = CliRunner.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"ecgxai {args[0]}: ", line);
        Assert.Contains(missing, line);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "run")), "a failing command wrote its run folder");
    }

    [Fact]
    public void VerboseAddsTheStackTrace()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRunner.Run("dump", dir.File("absent"), "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("   at ", err);
    }

    [Fact]
    public void AnOutputUnderAFileIsRefusedBeforeAnyWork()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("plain.txt"), "x");
        string output = Path.Combine(dir.File("plain.txt"), "data");
        var (code, _, err) = CliRunner.Run("synth", "--out", output, "--records", "2");
        Assert.Equal(1, code);
        Assert.Equal($"ecgxai synth: {output}: cannot be created: {dir.File("plain.txt")} is a file", err.TrimEnd());
    }

    [Fact]
    public void PathsWithSpacesWorkAndTheRunFolderRecordsTheInvocation()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "my data", "synthetic ptbxl");
        string run = Path.Combine(dir.Path, "run folder");
        Assert.Equal(0, CliRunner.Run("synth", "--out", data, "--layout", "ptbxl", "--records", "12", "--seed", "3").Code);
        string other = Path.Combine(dir.Path, "other set");
        Assert.Equal(0, CliRunner.Run("synth", "--out", other, "--layout", "cpsc2018", "--records", "5", "--seed", "4").Code);
        Assert.False(File.Exists(Path.Combine(data, RunConfig.FileName)), "a data set is not a run folder");

        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, RunConfig.FileName), "{\"model\": {\"preset\": \"compact\"}}");
        var (code, output, err) = CliRunner.Run("cohort", "--data", "ptbxl:" + data, "--data", "cpsc2018:" + other, "--out", run);
        Assert.True(code == 0, err);
        Assert.Contains("12", output);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "data", "cohort.csv")).Length);

        JsonObject config = JsonNode.Parse(File.ReadAllText(Path.Combine(run, RunConfig.FileName)))!.AsObject();
        Assert.Equal("compact", config["model"]!["preset"]!.GetValue<string>());
        JsonObject invocation = Assert.Single(config["invocations"]!.AsArray())!.AsObject();
        Assert.Equal("cohort", invocation["verb"]!.GetValue<string>());
        Assert.Equal(["--data", "ptbxl:" + data, "--data", "cpsc2018:" + other, "--out", run],
            invocation["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));

        // A second run of the same verb replaces its entry; a failing one leaves the file alone.
        Assert.Equal(0, CliRunner.Run("cohort", "--data", "ptbxl:" + data, "--out", run).Code);
        string before = File.ReadAllText(Path.Combine(run, RunConfig.FileName));
        Assert.Single(JsonNode.Parse(before)!["invocations"]!.AsArray());
        Assert.Equal(1, CliRunner.Run("cohort", "--data", "ptbxl:" + dir.File("absent"), "--out", run).Code);
        Assert.Equal(before, File.ReadAllText(Path.Combine(run, RunConfig.FileName)));
    }

    [Fact]
    public void RepeatedOptionsTakeOneValueEach()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRunner.Run("cohort", "--data", "ptbxl:" + dir.Path, "cpsc2018:" + dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"Unrecognized command or argument 'cpsc2018:{dir.Path}'", err);
    }

    [Fact]
    public void ACancelledRunFailsWithoutWriting()
    {
        using var dir = new TempDir();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var stderr = new StringWriter();
        int code = EcgXaiCli.Run(["synth", "--out", dir.File("x"), "--records", "3"], new CliEnvironment(TextWriter.Null, stderr), cancelled.Token);
        Assert.Equal(1, code);
        Assert.Contains("cancelled", stderr.ToString());
        Assert.False(Directory.Exists(dir.File("x")));
    }

    [Fact]
    public void EveryExceptionMapsToOneLineAndACode()
    {
        Assert.Equal((1, "libtorch: shape mismatch"), ErrorReport.Describe(new ExternalException("shape mismatch\nException raised from foo at bar.cpp:12")));
        Assert.Equal(1, ErrorReport.Describe(new ExternalException("CUDA out of memory. Tried to allocate 2 GiB")).Code);
        Assert.Contains("out of memory", ErrorReport.Describe(new ExternalException("CUDA out of memory. Tried to allocate 2 GiB")).Message);
        Assert.Equal((1, "out of memory: try a smaller --batch, fewer records or shorter inputs"), ErrorReport.Describe(new OutOfMemoryException()));
        Assert.Equal((1, "/x/m.safetensors: safetensors header is not valid JSON"),
            ErrorReport.Describe(new EcgXaiException("/x/m.safetensors", "safetensors header is not valid JSON")));
        Assert.Equal((2, "bad"), ErrorReport.Describe(new UsageException("bad")));
        Assert.Equal(1, ErrorReport.Describe(new OperationCanceledException()).Code);
        var (code, message) = ErrorReport.Describe(new InvalidOperationException("boom\nsecond line"));
        Assert.Equal(1, code);
        Assert.Equal("unexpected InvalidOperationException: boom (run with --verbose for the stack trace)", message);
    }

    [Fact]
    public void PlainProgressHoldsTheFirstIntervalBackThenPrintsAStageAtMostOncePerIntervalPlusItsEnd()
    {
        var output = new StringWriter();
        var progress = new PlainProgress(output, TimeSpan.FromHours(1));
        for (int i = 0; i <= 1000; i++)
        {
            progress.Report("train", i, 1000, "epoch 1/1");
        }
        progress.Report("train", 1000, 1000);
        for (int i = 0; i <= 10; i++)
        {
            progress.Report("train", i, 10);
        }
        Assert.Equal("", output.ToString());
        progress.Flush();
        Assert.Equal(["train: 0/1000 epoch 1/1", "train: 1000/1000 epoch 1/1", "train: 0/10", "train: 10/10"],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
