namespace EcgXai.Datasets;

/// <summary>Progress of preparing a dataset: <paramref name="Completed"/> of <paramref name="Total"/> records in <paramref name="Stage"/>.</summary>
/// <param name="Stage">What is running ("index", "preprocess", "cache").</param>
/// <param name="Completed">Records done so far.</param>
/// <param name="Total">Records to do in this stage.</param>
public sealed record DatasetProgress(string Stage, int Completed, int Total);
