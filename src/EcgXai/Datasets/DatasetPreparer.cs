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
    /// (names of the common label space, e.g. AF, RBBB): from the tensor cache in <paramref name="cacheDirectory"/> when
    /// present, else built there. When <paramref name="runDirectory"/> is given the split assignment is written to
    /// <c>runDirectory/data/splits.csv</c>. <paramref name="splitSeed"/> seeds the patient split of datasets without folds.
    /// </summary>
    /// <exception cref="IO.EcgXaiException">The spec is malformed or the dataset's folder or index file is missing or malformed.</exception>
    /// <exception cref="ArgumentException">A class name is not in the common label space, or the options are invalid.</exception>
    public static PreparedDataset Prepare(
        string spec,
        PreprocessOptions options,
        IReadOnlyList<string> classNames,
        string? cacheDirectory = null,
        string? runDirectory = null,
        IProgress<DatasetProgress>? progress = null,
        int splitSeed = DatasetSplitter.DefaultSeed)
    {
        string[] unknown = classNames.Where(c => !LabelMap.IsLabel(c)).ToArray();
        if (unknown.Length > 0 || classNames.Count == 0)
        {
            throw new ArgumentException($"class names must be labels of the common space ({string.Join(", ", LabelMap.Labels)}); got {string.Join(", ", classNames)}", nameof(classNames));
        }
        var preprocessor = new Preprocessor(options);
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse(spec), options.SampleRate, splitSeed);
        progress?.Report(new DatasetProgress("index", index.Selected.Count, index.Selected.Count));
        if (runDirectory is not null)
        {
            index.WriteSplits(runDirectory);
        }
        string directory = cacheDirectory ?? DefaultCacheDirectory;
        string key = TensorCache.Key(index, options, classNames, splitSeed);
        PreparedDataset? cached = TensorCache.TryOpen(directory, key);
        if (cached is not null)
        {
            progress?.Report(new DatasetProgress("cache", cached.Count, cached.Count));
            return cached;
        }
        Directory.CreateDirectory(directory);
        return TensorCache.Build(directory, key, index, preprocessor, classNames, progress);
    }
}
