namespace EcgXai.Eval;

/// <summary>Progress of an evaluation: <paramref name="Completed"/> of <paramref name="Total"/> in <paramref name="Stage"/> of <paramref name="Dataset"/>.</summary>
/// <param name="Stage">"prepare/STAGE" (the dataset preparer's stage), "predict", "metrics" or "write".</param>
/// <param name="Dataset">The dataset spec being processed.</param>
/// <param name="Completed">Units done.</param>
/// <param name="Total">Units to do.</param>
public sealed record EvaluationProgress(string Stage, string Dataset, int Completed, int Total);
