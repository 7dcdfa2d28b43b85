namespace EcgXai.Datasets;

/// <summary>
/// The common label space and, as data, the codes of each source vocabulary that mean each label.
/// A code maps to at most one label; codes not in the table are not guessed (callers keep them raw and count them).
/// Incomplete bundle branch blocks (IRBBB, ILBBB, SNOMED 713426002) are deliberately absent.
/// </summary>
public static class LabelMap
{
    /// <summary>One row of the table: a common label and its codes in each vocabulary.</summary>
    /// <param name="Label">Common label name.</param>
    /// <param name="PtbXl">PTB-XL SCP codes.</param>
    /// <param name="Cpsc2018">CPSC-2018 codes.</param>
    /// <param name="Snomed">SNOMED CT ids.</param>
    /// <param name="CinC2020">CinC Feb-2020 abbreviations.</param>
    /// <param name="CinC2017">CinC-2017 letters.</param>
    public sealed record Row(string Label, string[] PtbXl, string[] Cpsc2018, string[] Snomed, string[] CinC2020, string[] CinC2017);

    /// <summary>The table: the Ribeiro six, NORM, AFL, and the positive classes of planted-evidence data sets (SCP code = label).</summary>
    public static IReadOnlyList<Row> Table { get; } =
    [
        new("AF", ["AFIB"], ["2"], ["164889003"], ["AF"], ["A"]),
        new("AFL", ["AFLT"], [], ["164890007"], [], []),
        new("1dAVb", ["1AVB"], ["3"], ["270492004"], ["I-AVB"], []),
        new("RBBB", ["CRBBB"], ["5"], ["59118001", "713427006"], ["RBBB"], []),
        new("LBBB", ["CLBBB"], ["4"], ["164909002", "733534002"], ["LBBB"], []),
        new("SB", ["SBRAD"], [], ["426177001"], [], []),
        new("ST", ["STACH"], [], ["427084000"], [], []),
        new("NORM", ["NORM"], ["1"], ["426783006"], ["Normal"], ["N"]),
        new("EVIDENCE_P_ABSENT", ["EVIDENCE_P_ABSENT"], [], [], [], []),
        new("EVIDENCE_RR_IRREGULAR", ["EVIDENCE_RR_IRREGULAR"], [], [], [], []),
        new("EVIDENCE_ST_ELEVATION", ["EVIDENCE_ST_ELEVATION"], [], [], [], []),
        new("EVIDENCE_QRS_WIDE", ["EVIDENCE_QRS_WIDE"], [], [], [], []),
    ];

    /// <summary>The common label names in table order.</summary>
    public static IReadOnlyList<string> Labels { get; } = Table.Select(r => r.Label).ToArray();

    /// <summary>The label set of Ribeiro et al. 2020: 1dAVb, RBBB, LBBB, SB, AF, ST.</summary>
    public static IReadOnlyList<string> Ribeiro { get; } = ["1dAVb", "RBBB", "LBBB", "SB", "AF", "ST"];

    private static readonly IReadOnlyDictionary<LabelVocabulary, IReadOnlyDictionary<string, string>> Lookup = BuildLookup();

    /// <summary>The common label of <paramref name="code"/> in <paramref name="vocabulary"/>, or null when the table has none.</summary>
    public static string? Map(LabelVocabulary vocabulary, string code) =>
        Lookup[vocabulary].TryGetValue(code.Trim(), out string? label) ? label : null;

    /// <summary>True when <paramref name="label"/> is a name of the common label space.</summary>
    public static bool IsLabel(string label) => Labels.Contains(label, StringComparer.Ordinal);

    /// <summary>
    /// Maps <paramref name="codes"/> through the first of <paramref name="vocabularies"/> that knows each code:
    /// the common labels (deduplicated, in table order) and the codes no vocabulary maps (kept raw, in input order).
    /// </summary>
    public static (IReadOnlyList<string> Labels, IReadOnlyList<string> Unmapped) Encode(IEnumerable<string> codes, params LabelVocabulary[] vocabularies)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        foreach (string raw in codes)
        {
            string code = raw.Trim();
            if (code.Length == 0)
            {
                continue;
            }
            string? label = vocabularies.Select(v => Map(v, code)).FirstOrDefault(l => l is not null);
            if (label is not null)
            {
                labels.Add(label);
            }
            else if (!unmapped.Contains(code, StringComparer.Ordinal))
            {
                unmapped.Add(code);
            }
        }
        return (Labels.Where(labels.Contains).ToArray(), unmapped);
    }

    /// <summary>The common labels that at least one code of <paramref name="vocabularies"/> means, in table order (the others cannot be read from such a dataset).</summary>
    public static IReadOnlyList<string> Expressible(params LabelVocabulary[] vocabularies) =>
        Table.Where(r => vocabularies.Any(v => CodesOf(r, v).Length > 0)).Select(r => r.Label).ToArray();

    private static Dictionary<LabelVocabulary, IReadOnlyDictionary<string, string>> BuildLookup()
    {
        var result = new Dictionary<LabelVocabulary, IReadOnlyDictionary<string, string>>();
        foreach (LabelVocabulary vocabulary in Enum.GetValues<LabelVocabulary>())
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Row row in Table)
            {
                foreach (string code in CodesOf(row, vocabulary))
                {
                    map.Add(code, row.Label);
                }
            }
            result[vocabulary] = map;
        }
        return result;
    }

    private static string[] CodesOf(Row row, LabelVocabulary vocabulary) => vocabulary switch
    {
        LabelVocabulary.PtbXlScp => row.PtbXl,
        LabelVocabulary.Cpsc2018 => row.Cpsc2018,
        LabelVocabulary.Snomed => row.Snomed,
        LabelVocabulary.CinC2020 => row.CinC2020,
        LabelVocabulary.CinC2017 => row.CinC2017,
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };
}
