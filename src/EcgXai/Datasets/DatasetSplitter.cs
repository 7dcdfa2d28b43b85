namespace EcgXai.Datasets;

/// <summary>
/// Assigns records to train/val/test. PTB-XL uses its folds (1–8, 9, 10). Other datasets are split by patient,
/// stratified and seeded: patients are grouped by their rarest label (over patients), each group is shuffled with the
/// seed, and patients are dealt round-robin into ten folds (continuing across groups), folds 1–8 train, 9 val, 10 test.
/// All records of a patient share one split.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 20200;

    /// <summary>The split of each entry, in entry order.</summary>
    public static IReadOnlyList<DatasetSplit> Assign(IReadOnlyList<DatasetEntry> entries, int seed)
    {
        if (entries.Count > 0 && entries.All(e => e.Fold is not null))
        {
            return entries.Select(e => FoldSplit(e.Fold!.Value)).ToArray();
        }
        var patients = entries.GroupBy(e => e.PatientId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var frequency = patients.Values.SelectMany(l => l).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string Stratum(string[] labels) => labels.Length == 0
            ? ""
            : labels.OrderBy(l => frequency[l]).ThenBy(l => l, StringComparer.Ordinal).First();
        var random = new Random(seed);
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        int dealt = 0;
        foreach (var stratum in patients.Keys.OrderBy(p => p, StringComparer.Ordinal).GroupBy(p => Stratum(patients[p])).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string[] members = stratum.ToArray();
            random.Shuffle(members);
            foreach (string patient in members)
            {
                fold[patient] = dealt++ % 10 + 1;
            }
        }
        return entries.Select(e => FoldSplit(fold[e.PatientId])).ToArray();
    }

    /// <summary>Folds 1–8 train, 9 validation, 10 test.</summary>
    public static DatasetSplit FoldSplit(int fold) => fold switch
    {
        <= 8 => DatasetSplit.Train,
        9 => DatasetSplit.Val,
        _ => DatasetSplit.Test,
    };
}
