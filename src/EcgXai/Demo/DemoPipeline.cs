using System.Globalization;
using EcgXai.Datasets;
using EcgXai.Eval;
using EcgXai.Explain.Concepts;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Reports.Atlas;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;
using EcgXai.Training;

namespace EcgXai.Demo;

/// <summary>
/// The whole pipeline on built-in synthetic data, through the same loaders and entry points a user calls:
/// synthetic PTB-XL-layout training set and CPSC-layout "shift" set → cohort → teacher trained on labels →
/// compact student distilled from it → both evaluated in and out of distribution → SRG of the student's explanation
/// variants at the input and at layers, on the shift set (<see cref="FaithfulnessStages"/>) → pruning of its classifier input to
/// the units most relevant for AF → the student's AF concept analysis (<see cref="ConceptAnalysis"/>, every recordable
/// layer, explained with the SRG's best variant; references, attribution graph and wave purity) over the AF records of the
/// shift set and the training set's test fold → the planted-evidence check (<see cref="EvidenceStage"/>) → the atlas.
/// Each stage reuses what an earlier, interrupted run already wrote.
/// </summary>
public static class DemoPipeline
{
    /// <summary>Runs the demo into <see cref="DemoOptions.OutDirectory"/>; <paramref name="cancellation"/> stops it between (and inside) stages, keeping finished stages.</summary>
    public static DemoResult Run(DemoOptions options, IProgress<DemoProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        if (options.RealData is not null)
        {
            return RealDemo.Run(options, progress, cancellation);
        }
        string root = Path.GetFullPath(options.OutDirectory);
        string cache = Path.Combine(root, "cache");
        string ptbxl = "ptbxl:" + Synthesize(Path.Combine(root, "data", "synthetic-ptbxl-" + options.Preset), SyntheticLayout.PtbXl, options.TrainRecords, options.Preset, options, progress);
        string shift = "cpsc2018:" + Synthesize(Path.Combine(root, "data", "synthetic-cpsc-shift"), SyntheticLayout.Cpsc2018, options.ShiftRecords, "shift", options, progress);

        cancellation.ThrowIfCancellationRequested();
        var cohort = CohortReport.Create(new CohortOptions([ptbxl, shift], root));
        foreach (string line in cohort.ToLines())
        {
            progress?.Report(new DemoProgress("cohort", line));
        }

        var training = new TrainingOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = options.Seed, Device = options.Device };
        TrainingResult teacher = Train(
            new TrainingJob([ptbxl], ResNet1dConfig.FromPreset(options.Teacher), Path.Combine(root, "teacher"), training) { CacheDirectory = cache, HighPassHz = options.HighPassHz },
            "teacher",
            progress,
            cancellation);
        TrainingResult student = Train(
            new TrainingJob([ptbxl], ResNet1dConfig.Compact, Path.Combine(root, "student"), training)
            {
                CacheDirectory = cache,
                HighPassHz = options.HighPassHz,
                Teacher = new TeacherJob(teacher.BestModelPath, new TeacherOptions(), new DistillationOptions()),
            },
            "student",
            progress,
            cancellation);

        EvaluationReport teacherEval = Evaluate(teacher.BestModelPath, [ptbxl + "@test", shift], root, cache, options, "teacher", progress, cancellation);
        EvaluationReport studentEval = Evaluate(student.BestModelPath, [ptbxl + "@test", shift], root, cache, options, "student", progress, cancellation);
        cancellation.ThrowIfCancellationRequested();

        DemoSrg srg = FaithfulnessStages.Srg(student.BestModelPath, shift, cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        IReadOnlyList<DemoPruning> pruning = FaithfulnessStages.Prune(student.BestModelPath, srg.Variant, ptbxl, shift, cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();

        ConceptResult concepts = RankAfConcepts(student.BestModelPath, [shift, ptbxl + "@test"], cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        DemoEvidence evidence = EvidenceStage.Run(options, root, cache, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        string atlas = BuildAtlas(root, student.BestModelPath, progress);
        return new DemoResult(root, teacherEval, studentEval, AfRanking(concepts), atlas)
        {
            Srg = srg,
            Pruning = pruning,
            Purity = concepts.Purity ?? [],
            Evidence = evidence,
        };
    }

    /// <summary>Writes a synthetic dataset into <paramref name="directory"/> unless an earlier run completed it; returns the folder.</summary>
    internal static string Synthesize(string directory, SyntheticLayout layout, int records, string preset, DemoOptions options, IProgress<DemoProgress>? progress,
        EvidenceKind? evidence = null)
    {
        string marker = Path.Combine(directory, ".complete");
        if (!File.Exists(marker))
        {
            progress?.Report(new DemoProgress("synth", $"writing {records} {preset} records ({layout}) to {directory}"));
            var summary = SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(directory, layout, records, (ulong)options.Seed, SynthesisSettings.FromPreset(preset)) { Evidence = evidence });
            AtomicFile.WriteText(marker, string.Create(CultureInfo.InvariantCulture, $"{summary.Records} records in {summary.Seconds:F1} s\n"));
        }
        return directory;
    }

    /// <summary>Trains (or resumes) <paramref name="job"/>, reporting epochs under <paramref name="role"/>.</summary>
    internal static TrainingResult Train(TrainingJob job, string role, IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        var reporter = progress is null ? null : new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.ValidationMacroAuroc is { } auroc)
            {
                progress.Report(new DemoProgress(role, string.Create(CultureInfo.InvariantCulture,
                    $"epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F4}, validation macro AUROC {auroc:F3}, {p.SamplesPerSecond:F0} samples/s")));
            }
        });
        TrainingResult result = TrainingPipeline.Run(job, reporter, cancellation: cancellation);
        progress?.Report(new DemoProgress(role, string.Create(CultureInfo.InvariantCulture,
            $"best epoch {result.BestEpoch}, validation macro AUROC {result.BestValidationMacroAuroc:F3}: {result.BestModelPath}")));
        return result;
    }

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="specs"/> into <c>eval/ROLE</c>, reporting its table.</summary>
    internal static EvaluationReport Evaluate(string model, IReadOnlyList<string> specs, string outDirectory, string cache, DemoOptions options, string role,
        IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        EvaluationReport report = Evaluation.Run(new EvaluateOptions(model, specs)
        {
            OutDirectory = outDirectory,
            Name = role,
            CacheDirectory = cache,
            Seed = options.Seed,
            Device = options.Device,
        }, cancellation: cancellation);
        foreach (string line in report.FormatTable().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            progress?.Report(new DemoProgress("evaluate " + role, line));
        }
        return report;
    }

    /// <summary>The AF concept analysis of <paramref name="modelPath"/> over the AF records of <paramref name="specs"/>.</summary>
    internal static ConceptResult RankAfConcepts(string modelPath, IReadOnlyList<string> specs, string cache, DemoOptions options, string root, IProgress<DemoProgress>? progress,
        CancellationToken cancellation)
    {
        var concepts = new ConceptOptions(modelPath, specs, "AF", root) { CacheDirectory = cache, Device = options.Device, Seed = (ulong)options.Seed };
        var reporter = progress is null ? null : new SynchronousProgress<ConceptProgress>(p => progress.Report(new DemoProgress("explain", $"{p.Stage} {p.Done}/{p.Total} {p.Message}".TrimEnd())));
        ConceptResult result = ConceptAnalysis.Run(concepts, reporter, cancellation);
        progress?.Report(new DemoProgress("explain", $"top AF concepts at {ClassifierInput(result)} (channel: mean normalised relevance): " + string.Join(", ",
            AfRanking(result).Take(5).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Concept}: {r.NormalisedMean:F3}")))));
        return result;
    }

    /// <summary>Builds the atlas of <paramref name="root"/> for <paramref name="model"/>; returns its page.</summary>
    internal static string BuildAtlas(string root, string model, IProgress<DemoProgress>? progress)
    {
        progress?.Report(new DemoProgress("atlas", "building report/index.html"));
        return AtlasBuilder.Build(new AtlasOptions(root) { ModelPath = model },
            progress is null ? null : new SynchronousProgress<string>(line => progress.Report(new DemoProgress("atlas", line)))).PagePath;
    }

    private static string ClassifierInput(ConceptResult result) => result.State.Settings.Layers.Last(l => !l.Positions).Key;

    /// <summary>The AF ranking at the classifier input.</summary>
    internal static IReadOnlyList<ConceptRow> AfRanking(ConceptResult result) => result.Summary!.Ranking(ClassifierInput(result));
}
