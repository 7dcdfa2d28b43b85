using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>One record named by a dataset's index (CSV or headers), before its signal is read.</summary>
/// <param name="Id">Record identifier, unique within the dataset.</param>
/// <param name="PatientId">Patient identifier (the record id when the dataset has none).</param>
/// <param name="Age">Age in years (PTB-XL's 300 counted as 90), or null.</param>
/// <param name="Sex">Sex.</param>
/// <param name="SourceLabels">Label codes exactly as the dataset states them.</param>
/// <param name="Labels">Common-space labels (see <see cref="LabelMap"/>), in table order.</param>
/// <param name="UnmappedCodes">Source codes with no common label, kept raw.</param>
/// <param name="RecordPath">The file the record is read from (<c>.hea</c>, <c>.mat</c> or <c>.h5</c>).</param>
/// <param name="Files">Every file the record's data depend on (for the cache key).</param>
/// <param name="Fold">The dataset's own fold (PTB-XL <c>strat_fold</c>), or null.</param>
/// <param name="SampleRate">Sampling rate stated by the index (SPH <c>fs</c>) for files that do not carry it, or null.</param>
public sealed record DatasetEntry(
    string Id,
    string PatientId,
    double? Age,
    Sex Sex,
    IReadOnlyList<string> SourceLabels,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> UnmappedCodes,
    string RecordPath,
    IReadOnlyList<string> Files,
    int? Fold = null,
    double? SampleRate = null)
{
    /// <summary><paramref name="record"/> with this entry's id, labels and demographics (the record's own age and sex where the index has none).</summary>
    public EcgRecord Describe(EcgRecord record) => record with
    {
        Id = Id,
        Age = Age ?? record.Age,
        Sex = Sex == Sex.Unknown ? record.Sex : Sex,
        SourceLabels = SourceLabels,
        Labels = Labels,
    };
}
