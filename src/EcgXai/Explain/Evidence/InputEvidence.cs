using EcgXai.Signals;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Synthesis.Evidence;

namespace EcgXai.Explain.Evidence;

/// <summary>Planted-evidence regions of a dataset's records on a model's input grid (its leads, rate and length).</summary>
public static class InputEvidence
{
    /// <summary>
    /// The region of every record of <paramref name="spec"/>, by record id, from its <c>.evidence</c> sidecar, as
    /// <c>[lead * length + t]</c> over <paramref name="leads"/> (mapped by name to the sidecar's standard 12 leads) and
    /// mapped with <see cref="OnGrid"/>; throws naming the dataset when no record has a sidecar.
    /// </summary>
    public static IReadOnlyDictionary<string, bool[]> Load(string spec, IReadOnlyList<string> leads, double sampleRate, int length)
    {
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse(spec), sampleRate);
        int[] leadIndex = leads.Select(l => LeadNames.Standard12.ToList().IndexOf(l)).ToArray();
        var regions = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (DatasetEntry entry in index.All)
        {
            string sidecar = Path.ChangeExtension(entry.RecordPath, null) + EvidenceRegion.Extension;
            if (File.Exists(sidecar))
            {
                regions[entry.Id] = OnGrid(EvidenceRegion.Load(sidecar), leadIndex, sampleRate, length);
            }
        }
        return regions.Count > 0 ? regions
            : throw new EcgXaiException(index.Spec.Path, $"no record has a {EvidenceRegion.Extension} sidecar: not a planted-evidence data set (ecgxai synth --evidence)");
    }

    /// <summary>
    /// <paramref name="region"/> resampled (nearest sample) to <paramref name="sampleRate"/> and centre-cropped or centre
    /// zero-padded to <paramref name="length"/>, as the preprocessor does with the signal (padding lies outside); input
    /// lead i is the region's lead <paramref name="leadIndex"/>[i] (negative: a lead the region does not have, outside).
    /// </summary>
    public static bool[] OnGrid(EvidenceRegion region, IReadOnlyList<int> leadIndex, double sampleRate, int length)
    {
        double scale = region.SampleRate / sampleRate;
        int resampled = (int)Math.Round(region.SampleCount / scale);
        int shift = resampled >= length ? (resampled - length) / 2 : -((length - resampled) / 2);
        var mask = new bool[leadIndex.Count * length];
        for (int lead = 0; lead < leadIndex.Count; lead++)
        {
            if (leadIndex[lead] < 0 || leadIndex[lead] >= region.LeadCount)
            {
                continue;
            }
            for (int t = 0; t < length; t++)
            {
                int u = t + shift;
                int s = (int)Math.Round(u * scale);
                mask[(lead * length) + t] = u >= 0 && u < resampled && s < region.SampleCount && region.Contains(leadIndex[lead], s);
            }
        }
        return mask;
    }
}
