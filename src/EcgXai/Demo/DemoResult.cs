using System.Globalization;
using EcgXai.Eval;
using EcgXai.Explain.Concepts;

namespace EcgXai.Demo;

/// <summary>What the demo produced: evaluations of teacher and student, the student's AF concepts at the classifier input in rank order over all records, and the atlas.</summary>
/// <param name="OutDirectory">The run folder.</param>
/// <param name="Teacher">The teacher's evaluation (in distribution: PTB-XL-layout test fold; out of distribution: the shift set), or null (the real-data demo trains nothing).</param>
/// <param name="Student">The student's evaluation.</param>
/// <param name="AfConcepts">The student's AF concepts at the classifier input, best first.</param>
/// <param name="AtlasPath">The atlas page.</param>
public sealed record DemoResult(string OutDirectory, EvaluationReport? Teacher, EvaluationReport Student, IReadOnlyList<ConceptRow> AfConcepts, string AtlasPath)
{
    /// <summary>The SRG stage's outcome, or null when it did not run.</summary>
    public DemoSrg? Srg { get; init; }

    /// <summary>AF AUROC under pruning to <see cref="FaithfulnessStages.SummaryKeep"/> positions, per dataset.</summary>
    public IReadOnlyList<DemoPruning> Pruning { get; init; } = [];

    /// <summary>Wave purity of the top AF concepts (every concept layer, ground-truth and delineated labels).</summary>
    public IReadOnlyList<PurityRow> Purity { get; init; } = [];

    /// <summary>The planted-evidence check, or null when it did not run.</summary>
    public DemoEvidence? Evidence { get; init; }

    /// <summary>
    /// The closing summary: per-class AUROC of teacher and student per dataset, the best SRG variant, AF AUROC at 25 pruned
    /// positions against random and least relevant, the top AF concepts with their wave purity, the planted-evidence
    /// check, the atlas path.
    /// </summary>
    public IEnumerable<string> Summary(int topConcepts = 5)
    {
        foreach (var (role, report) in new[] { ("teacher", Teacher), ("student", Student) })
        {
            if (report is null)
            {
                continue;
            }
            foreach (DatasetEvaluation d in report.Datasets)
            {
                yield return $"{role} AUROC, {(d.InDistribution ? "in distribution" : "out of distribution")} ({d.Spec}): " + string.Join("  ",
                    d.Classes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ClassName} {c.Auroc.Estimate:0.000}")));
            }
        }
        if (Srg is { } srg)
        {
            foreach (string line in FaithfulnessStages.Summary(srg, Pruning))
            {
                yield return line;
            }
        }
        yield return "top AF concepts of the student at the classifier input (channel: mean normalised relevance, wave purity): " + string.Join(", ",
            AfConcepts.Take(topConcepts).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Concept}: {r.NormalisedMean:0.000}") + PurityOf(r)));
        if (Evidence is { } evidence)
        {
            yield return evidence.Summary();
        }
        yield return $"atlas: {AtlasPath}";
    }

    // Ground-truth wave labels where the data have them (synthetic), else the delineator's (real records).
    private string PurityOf(ConceptRow concept) =>
        Purity.Where(p => p.Layer == concept.Layer && p.Concept == concept.Concept && !double.IsNaN(p.Purity))
            .OrderBy(p => p.Labels == PurityRow.GroundTruth ? 0 : 1).FirstOrDefault() is { } row
            ? string.Create(CultureInfo.InvariantCulture, $" purity {row.Purity:0.00} ({Dominant(row)}{(row.Labels == PurityRow.GroundTruth ? "" : ", delineated")})")
            : "";

    private static string Dominant(PurityRow row) => row.WaveShare.MaxBy(w => w.Value).Key.ToString();
}
