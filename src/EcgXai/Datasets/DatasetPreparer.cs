using EcgXai.IO;
using EcgXai.Signals;

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
    /// <exception cref="EcgXaiException">
    /// The spec is malformed, the dataset's folder or index file is missing or malformed, its records do not fit the
    /// options (the first records read lack a requested lead: refused before the rest are read), or every selected
    /// record was skipped.
    /// </exception>
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
        CheckClasses(classNames);
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
            return RequireRecords(cached, spec, index);
        }
        CheckLeads(index, preprocessor, spec);
        Directory.CreateDirectory(directory);
        return RequireRecords(TensorCache.Build(directory, key, index, preprocessor, classNames, progress), spec, index);
    }

    /// <summary>
    /// Refuses each of <paramref name="specs"/> as <see cref="Prepare"/> would, without preparing any: the class names,
    /// the spec, the dataset's index and the leads of its first records. A run over several datasets checks them all
    /// first, so that the last is not refused after the others were prepared (and cached, and computed on).
    /// </summary>
    /// <exception cref="EcgXaiException">A spec, a dataset's folder or index, or its leads do not fit.</exception>
    /// <exception cref="ArgumentException">A class name is not in the common label space, or the options are invalid.</exception>
    public static void Check(IEnumerable<string> specs, PreprocessOptions options, IReadOnlyList<string> classNames, int splitSeed = DatasetSplitter.DefaultSeed)
    {
        CheckClasses(classNames);
        var preprocessor = new Preprocessor(options);
        foreach (string spec in specs)
        {
            CheckLeads(DatasetIndex.Load(DatasetSpec.Parse(spec), options.SampleRate, splitSeed), preprocessor, spec);
        }
    }

    private static void CheckClasses(IReadOnlyList<string> classNames)
    {
        string[] unknown = classNames.Where(c => !LabelMap.IsLabel(c)).ToArray();
        if (unknown.Length > 0 || classNames.Count == 0)
        {
            throw new ArgumentException($"class names must be labels of the common space ({string.Join(", ", LabelMap.Labels)}); got {string.Join(", ", classNames)}", nameof(classNames));
        }
    }

    /// <summary>Records read before the run to check that the dataset has the requested leads.</summary>
    private const int LeadProbes = 3;

    /// <summary>
    /// Reads the first <see cref="LeadProbes"/> records that can be read; when none of them has every requested lead
    /// (a 12-lead model on single-lead data, a misspelt <c>--leads</c> name), or when zero-filling none of them has any,
    /// refuses the dataset in one line naming the leads that are missing, before the rest of it is read.
    /// </summary>
    private static void CheckLeads(DatasetIndex index, Preprocessor preprocessor, string spec)
    {
        var probed = new List<EcgRecord>();
        foreach (DatasetEntry entry in index.Selected)
        {
            if (probed.Count == LeadProbes)
            {
                break;
            }
            try
            {
                probed.Add(index.Read(entry));
            }
            catch (InvalidRecordException)
            {
                // a bad record is skipped and counted by the build; it says nothing about the dataset's leads
            }
        }
        IReadOnlyList<string> wanted = preprocessor.Options.Leads.Select(LeadNames.Normalize).ToArray();
        bool zeroFill = preprocessor.Options.MissingLeads == MissingLeadHandling.Zero;
        if (probed.Count == 0 || probed.Any(r => zeroFill ? wanted.Any(l => r.IndexOfLead(l) >= 0) : wanted.All(l => r.IndexOfLead(l) >= 0)))
        {
            return;
        }
        EcgRecord first = probed[0];
        string[] missing = wanted.Where(l => first.IndexOfLead(l) < 0).ToArray();
        throw new EcgXaiException(spec,
            $"the model's input needs leads {string.Join(",", wanted)} but records of this dataset have {string.Join(",", first.Leads)} " +
            $"(missing {string.Join(",", missing)}{(zeroFill ? ", none to keep when zero-filling" : "")}; checked {string.Join(", ", probed.Select(r => r.Id))})");
    }

    /// <summary>Fails when the spec selected records but every one was skipped, naming the reasons and the first record.</summary>
    private static PreparedDataset RequireRecords(PreparedDataset data, string spec, DatasetIndex index)
    {
        if (data.Count > 0 || index.Selected.Count == 0)
        {
            return data;
        }
        data.Dispose();
        string first = data.SkippedRecords.FirstOrDefault() is { } r ? $"; first: {r.Id}: {r.File}: {r.Problem}" : "";
        throw new EcgXaiException(spec,
            $"every one of the {index.Selected.Count} selected records was skipped ({string.Join(", ", data.SkippedByReason.Select(s => $"{s.Key} {s.Value}"))}){first}");
    }
}
