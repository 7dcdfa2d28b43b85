using System.Globalization;
using System.Diagnostics;
using EcgXai.Explain.Concepts;
using EcgXai.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace EcgXai.Tests.Explain.Concepts;

/// <summary>
/// Runs the exact commands of deploy/slurm/concepts.sbatch and deploy/kubernetes/concepts-job.yaml locally with three
/// shards (the environment a scheduler would give each task), and checks that the merged folder equals one run.
/// </summary>
public class DeployScriptTests(ConceptRunFixture fixture) : IClassFixture<ConceptRunFixture>
{
    private const int Shards = 3;

    private static string Cli => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "EcgXai.Cli.exe" : "EcgXai.Cli");

    private string ConceptArgs => $"--records all --batch 5 --top-k 6 --replicates 40 --reference-count 3 --device cpu --cache {fixture.Cache}";

    private Dictionary<string, string> Settings(string output) => new()
    {
        ["ECGXAI"] = Cli,
        ["MODEL"] = fixture.Model,
        ["DATA"] = string.Join(' ', fixture.Data),
        ["TARGET"] = "AF",
        ["OUT"] = output,
        ["SHARDS"] = Shards.ToString(CultureInfo.InvariantCulture),
        ["CONCEPT_ARGS"] = ConceptArgs,
    };

    private string SingleRun()
    {
        string single = fixture.NewFolder("single");
        var (code, _, err) = CliRunner.Run(["concepts", "--model", fixture.Model, "--data", fixture.Data[0], "--data", fixture.Data[1], "--target", "AF",
            .. ConceptArgs.Split(' '), "--out", single]);
        Assert.True(code == 0, err);
        return ConceptAnalysis.DirectoryOf(single);
    }

    private static void Shell(string file, string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (file == "/bin/sh")
        {
            start.ArgumentList.Add("-c");
        }
        start.ArgumentList.Add(script);
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{script} did not finish");
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
    }

    [SkippableFact]
    public void SlurmArrayAndDependentMergeEqualOneRun()
    {
        Skip.If(OperatingSystem.IsWindows(), "the Slurm script is bash");
        string sbatch = Path.Combine(SharedData.RepoRoot, "deploy", "slurm", "concepts.sbatch");
        string output = fixture.NewFolder("slurm");
        for (int i = 0; i < Shards; i++)
        {
            Shell("/bin/bash", sbatch, new Dictionary<string, string>(Settings(output)) { ["SLURM_JOB_ID"] = "7", ["SLURM_ARRAY_TASK_ID"] = $"{i}" });
        }
        Shell("/bin/bash", sbatch, new Dictionary<string, string>(Settings(output)) { ["SLURM_JOB_ID"] = "8", ["STAGE"] = "merge" });
        ConceptTablesAssert.Equal(SingleRun(), ConceptAnalysis.DirectoryOf(output));
    }

    [SkippableFact]
    public void KubernetesIndexedJobAndMergeJobEqualOneRun()
    {
        Skip.If(OperatingSystem.IsWindows(), "the Jobs run /bin/sh");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(SharedData.RepoRoot, "deploy", "kubernetes", "concepts-job.yaml")))
        {
            yaml.Load(reader);
        }
        var jobs = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).ToArray();
        YamlMappingNode indexed = jobs.Single(j => Text(Spec(j), "completionMode") == "Indexed");
        YamlMappingNode merge = jobs.Single(j => j != indexed);
        Assert.Equal(Text(Spec(indexed), "completions"), Text(Spec(indexed), "parallelism"));
        string output = fixture.NewFolder("kubernetes");
        for (int i = 0; i < Shards; i++)
        {
            foreach (YamlMappingNode container in Containers(indexed, "containers"))
            {
                Run(container, new Dictionary<string, string>(Settings(output)) { ["JOB_COMPLETION_INDEX"] = $"{i}" });
            }
        }
        foreach (YamlMappingNode container in Containers(merge, "initContainers").Concat(Containers(merge, "containers")))
        {
            Run(container, Settings(output));
        }
        ConceptTablesAssert.Equal(SingleRun(), ConceptAnalysis.DirectoryOf(output));
    }

    private static YamlMappingNode Spec(YamlMappingNode job) => (YamlMappingNode)job["spec"];

    private static string Text(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out YamlNode? value) ? ((YamlScalarNode)value).Value! : "";

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode job, string key)
    {
        var pod = (YamlMappingNode)((YamlMappingNode)Spec(job)["template"])["spec"];
        return pod.Children.TryGetValue(key, out YamlNode? list) ? ((YamlSequenceNode)list).Cast<YamlMappingNode>() : [];
    }

    /// <summary>Runs a container's command with its own environment, overridden by the test's settings where they name the same variable.</summary>
    private static void Run(YamlMappingNode container, IReadOnlyDictionary<string, string> settings)
    {
        string[] command = ((YamlSequenceNode)container["command"]).Select(n => ((YamlScalarNode)n).Value!).ToArray();
        string[] args = ((YamlSequenceNode)container["args"]).Select(n => ((YamlScalarNode)n).Value!).ToArray();
        Assert.Equal(["/bin/sh", "-c"], command);
        var environment = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => Text(e, "value"));
        foreach (string key in environment.Keys.ToArray())
        {
            environment[key] = settings.TryGetValue(key, out string? value) ? value : environment[key];
        }
        if (settings.TryGetValue("JOB_COMPLETION_INDEX", out string? index))
        {
            environment["JOB_COMPLETION_INDEX"] = index;
        }
        Shell("/bin/sh", Assert.Single(args), environment);
    }
}
