using EcgXai.Training.Metrics;
using System.Globalization;
using EcgXai.Datasets;
using EcgXai.Eval;
using EcgXai.IO;

namespace EcgXai.Explain.Faithfulness;

/// <summary>What <see cref="Pruning.Run"/> ranks, evaluates and where it writes.</summary>
/// <param name="ModelPath">The checkpoint.</param>
/// <param name="RankSpec">Dataset spec the units are ranked on: a training or validation split, or a dataset not among <paramref name="DataSpecs"/>.</param>
/// <param name="DataSpecs">Dataset specs evaluated under pruning.</param>
/// <param name="Target">Class whose relevance ranks the units.</param>
/// <param name="OutDirectory">Run folder whose <c>explain/prune/</c> receives the outputs.</param>
public sealed record PruneOptions(string ModelPath, string RankSpec, IReadOnlyList<string> DataSpecs, string Target, string OutDirectory)
{
    /// <summary>The default unit counts: 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500 and all.</summary>
    public static readonly IReadOnlyList<int?> DefaultKeep = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, null];

    /// <summary>Unit counts kept (null = all units).</summary>
    public IReadOnlyList<int?> Keep { get; init; } = DefaultKeep;

    /// <summary>The LRP variant whose relevance ranks the units (<c>composite/policy</c>).</summary>
    public string Variant { get; init; } = "epsilon_plus_flat/gradient";

    /// <summary>Random orders drawn as the baseline at each count.</summary>
    public int RandomDraws { get; init; } = 10;

    /// <summary>Seed of the random orders and of the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Bootstrap resamples of the AUROC intervals.</summary>
    public int BootstrapResamples { get; init; } = Bootstrap.DefaultResamples;

    /// <summary>Records per batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Tensor cache folder, or null for the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Parses <c>1,5,10,all</c> into unit counts (null = all).</summary>
    public static IReadOnlyList<int?> ParseKeep(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(t => t.Equals("all", StringComparison.OrdinalIgnoreCase) ? (int?)null
            : int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k
            : throw new ArgumentException($"unit count '{t}' is not a non-negative integer or 'all'"))
        .ToArray() is { Length: > 0 } keep ? keep : throw new ArgumentException("name at least one unit count to keep");

    /// <summary>
    /// Throws <see cref="EcgXaiException"/> when the ranking could see evaluated records: an <c>@test</c> rank spec, or one
    /// without a split for a dataset also among <see cref="DataSpecs"/>; <see cref="ArgumentException"/> for other bad settings.
    /// </summary>
    public void Validate()
    {
        if (DataSpecs.Count == 0)
        {
            throw new ArgumentException("name at least one dataset to evaluate on");
        }
        if (RandomDraws < 1 || BatchSize < 1 || BootstrapResamples < 1 || Keep.Count == 0 || Keep.Any(k => k < 0))
        {
            throw new ArgumentException("random draws, batch size, bootstrap resamples and unit counts must be positive");
        }
        DatasetSpec rank = DatasetSpec.Parse(RankSpec);
        if (rank.Split == DatasetSplit.Test)
        {
            throw new EcgXaiException(RankSpec, "units must not be ranked on the test split; rank on @train or @val");
        }
        if (rank.Split is null && Evaluation.IsInDistribution(RankSpec, DataSpecs))
        {
            throw new EcgXaiException(RankSpec, "a spec without a split would rank on records that are evaluated (the dataset is among --data); rank on @train or @val");
        }
    }
}
