namespace EcgXai.Datasets;

/// <summary>
/// The one entry point from a dataset spec to model input: index the dataset, select the split, read and
/// preprocess every record on all cores (bad records skipped and counted), and store the result in the tensor cache
/// (or reuse a cached copy, memory-mapped).
/// </summary>
public static class DatasetPreparer
{
    /// <summary>Environment variable naming the tensor cache folder.</summary>
    public const string CacheVariable = "ECGXAI_CACHE";

    /// <summary>The default cache folder: <c>$ECGXAI_CACHE</c>, else <c>~/.cache/ecgxai</c>.</summary>
    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgxai");

    /// <summary>
    /// Prepares the dataset named by <paramref name="spec"/> (<c>KIND:PATH[@SPLIT]</c>) for <paramref name="classNames"/>
    /// (names of the common label space, e.g. AF, RBBB). When <paramref name="runDirectory"/> is given the split
    /// assignment is written to <c>runDirectory/data/splits.csv</c>.
    /// </summary>
    public static PreparedDataset Prepare(
        string spec,
        PreprocessOptions options,
        IReadOnlyList<string> classNames,
        string? cacheDirectory = null,
        string? runDirectory = null,
        IProgress<DatasetProgress>? progress = null)
    {
        _ = DatasetSpec.Parse(spec);
        throw new NotSupportedException($"preparing {spec} with {options} for {classNames.Count} classes in {cacheDirectory ?? DefaultCacheDirectory} ({runDirectory}, {progress}) is not available yet");
    }
}
