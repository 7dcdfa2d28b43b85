using EcgXai.Datasets;
using EcgXai.Training.Metrics;

namespace EcgXai.Eval;

/// <summary>Evaluation of a model on one dataset: per-class metrics and the predictions they came from.</summary>
/// <param name="Spec">The dataset spec (or name).</param>
/// <param name="InDistribution">True when the spec names a dataset the model was trained on.</param>
/// <param name="Classes">Metrics per evaluated class.</param>
/// <param name="RecordIds">Record identifiers, one per prediction row.</param>
/// <param name="ClassNames">Columns of <paramref name="Probabilities"/> and <paramref name="Labels"/> (every class of the model).</param>
/// <param name="Probabilities">Row-major <c>[records, classes]</c> predicted probabilities.</param>
/// <param name="Labels">Row-major <c>[records, classes]</c> multi-hot labels.</param>
/// <param name="SkippedByReason">Records the dataset left out while preparing, by reason.</param>
public sealed record DatasetEvaluation(
    string Spec,
    bool InDistribution,
    IReadOnlyList<ClassEvaluation> Classes,
    IReadOnlyList<string> RecordIds,
    IReadOnlyList<string> ClassNames,
    float[] Probabilities,
    float[] Labels,
    IReadOnlyDictionary<string, int> SkippedByReason)
{
    /// <summary>Classes of the model left unscored because this dataset's labels cannot express them.</summary>
    public IReadOnlyList<string> NotScored { get; init; } = [];

    /// <summary>The skipped records that can be named.</summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; init; } = [];

    /// <summary>Label codes the dataset's own code list does not define, with counts.</summary>
    public IReadOnlyDictionary<string, int> UnknownCodeCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>Mean AUROC over the evaluated classes whose AUROC is defined.</summary>
    public double MacroAuroc => Auroc.MeanIgnoringNaN(Classes.Select(c => c.Auroc.Estimate));
}
