using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// PhysioNet/CinC 2020/2021/2024 records: every WFDB header under the folder (subfolders included, ordinal path order),
/// labelled by its <c>#Dx</c> codes (SNOMED CT or the Feb-2020 abbreviations) or <c># Labels:</c> entries (PTB-XL SCP names).
/// Headers that cannot be parsed are skipped and counted by the reader's reason.
/// </summary>
public sealed class ChallengeLoader : IDatasetLoader
{
    /// <summary>Vocabularies tried in order for a header's codes.</summary>
    public static readonly LabelVocabulary[] HeaderVocabularies = [LabelVocabulary.Snomed, LabelVocabulary.CinC2020, LabelVocabulary.PtbXlScp];

    /// <inheritdoc />
    public DatasetIndexContent Index(string root, double? targetRate)
    {
        var skipped = new SkipCounter();
        var entries = new List<DatasetEntry>();
        foreach (string header in Directory.EnumerateFiles(root, "*.hea", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                entries.Add(Describe(WfdbHeader.Read(header)));
            }
            catch (InvalidRecordException e)
            {
                skipped.Add(Path.GetFileNameWithoutExtension(header), e);
            }
        }
        return new DatasetIndexContent(entries, skipped.ToDictionary(), new Dictionary<string, int>(), []) { SkippedRecords = skipped.Records(), ReadableLabels = LabelMap.Expressible(HeaderVocabularies) };
    }

    /// <inheritdoc />
    public EcgRecord Read(DatasetEntry entry) => entry.Describe(WfdbRecordReader.Read(entry.RecordPath));

    /// <summary>An entry for a parsed header: its record name, demographics and header codes; the patient is unknown, so the record id stands for it.</summary>
    public static DatasetEntry Describe(WfdbHeader header, IEnumerable<string>? extraLabels = null, LabelVocabulary? extraVocabulary = null)
    {
        (IReadOnlyList<string> labels, IReadOnlyList<string> unmapped) = LabelMap.Encode(header.SourceLabels, HeaderVocabularies);
        IReadOnlyList<string> sourceLabels = header.SourceLabels;
        if (extraLabels is not null && extraVocabulary is { } vocabulary)
        {
            string[] extra = extraLabels.ToArray();
            (IReadOnlyList<string> more, IReadOnlyList<string> moreUnmapped) = LabelMap.Encode(extra, vocabulary);
            labels = LabelMap.Labels.Where(l => labels.Contains(l) || more.Contains(l)).ToArray();
            unmapped = moreUnmapped.Concat(unmapped).Distinct(StringComparer.Ordinal).ToArray();
            sourceLabels = extra.Concat(sourceLabels).ToArray();
        }
        string[] files = header.Signals.Select(header.SignalFilePath).Distinct(StringComparer.Ordinal).Prepend(header.Path).ToArray();
        return new DatasetEntry(header.RecordName, header.RecordName, header.Age, header.Sex, sourceLabels, labels, unmapped, header.Path, files);
    }
}
