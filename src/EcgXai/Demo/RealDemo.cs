using EcgXai.Eval;
using EcgXai.Explain.Concepts;
using EcgXai.IO;
using EcgXai.Reports.Atlas;

namespace EcgXai.Demo;

/// <summary>
/// The demo's analysis on real ECGs (<see cref="DemoOptions.RealData"/>): the shipped 12-lead AF student evaluated on
/// PTB-XL fold 10 and the real CPSC-2018 records, SRG of its explanation variants on fold 10, pruning of its classifier
/// input (ranked on fold 9), its AF concepts over the AF records of PTB-XL and CPSC (references, attribution graph,
/// purity against the delineator's waves), and the atlas. Nothing is trained; finished stages are reused.
/// </summary>
public static class RealDemo
{
    /// <summary>PTB-XL at 100 Hz under the shared data folder.</summary>
    public const string PtbXlFolder = "ptbxl-records100";

    /// <summary>The CinC-2021 CPSC-2018 records (CPSC and CPSC-Extra) under the shared data folder.</summary>
    public static readonly string CpscFolder = Path.Combine("cinc2021-smoke", "CPSC_CPSC-Extra");

    /// <summary>Runs the real-data analysis into <see cref="DemoOptions.OutDirectory"/>.</summary>
    public static DemoResult Run(DemoOptions options, IProgress<DemoProgress>? progress = null, CancellationToken cancellation = default)
    {
        string data = options.RealData ?? throw new ArgumentException("the real-data demo needs the shared data folder");
        string model = Path.GetFullPath(options.RealModel);
        if (!File.Exists(model))
        {
            throw new EcgXaiException(model, "model file not found (the shipped 12-lead student, or --model)");
        }
        string ptbxl = "ptbxl:" + Existing(Path.Combine(data, PtbXlFolder));
        string cpsc = "challenge:" + Existing(Path.Combine(data, CpscFolder));
        string root = Path.GetFullPath(options.OutDirectory);
        string cache = Path.Combine(root, "cache");

        EvaluationReport evaluation = DemoPipeline.Evaluate(model, [ptbxl + "@test", cpsc], root, cache, options, "student", progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        DemoSrg srg = FaithfulnessStages.Srg(model, ptbxl + "@test", cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        IReadOnlyList<DemoPruning> pruning = FaithfulnessStages.Prune(model, srg.Variant, ptbxl, cpsc, cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        ConceptResult concepts = DemoPipeline.RankAfConcepts(model, [ptbxl, cpsc], cache, options, root, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        string atlas = DemoPipeline.BuildAtlas(root, model, progress);
        return new DemoResult(root, null, evaluation, DemoPipeline.AfRanking(concepts), atlas)
        {
            Srg = srg,
            Pruning = pruning,
            Purity = concepts.Purity ?? [],
        };
    }

    private static string Existing(string folder) =>
        Directory.Exists(folder) ? folder : throw new EcgXaiException(folder, "real dataset folder not found (--real-data names the shared data folder)");
}
