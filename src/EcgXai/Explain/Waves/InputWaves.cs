using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>
/// Wave labels and R peaks of records on a model's input grid (its rate and length): the generator's ground truth read
/// from <c>.waves</c> sidecars, or what the Pan-Tompkins detector and the template delineator find in the input signal.
/// </summary>
public static class InputWaves
{
    /// <summary>
    /// The ground truth of every record of <paramref name="spec"/> that has a <c>.waves</c> sidecar (synthetic data), by
    /// record id, mapped with <see cref="OnGrid"/>; empty for data without sidecars.
    /// </summary>
    public static IReadOnlyDictionary<string, WaveAnnotation> GroundTruth(string spec, double sampleRate, int length)
    {
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse(spec), sampleRate);
        var truth = new Dictionary<string, WaveAnnotation>(StringComparer.Ordinal);
        foreach (DatasetEntry entry in index.All)
        {
            string sidecar = WaveAnnotation.SidecarPath(Path.ChangeExtension(entry.RecordPath, null));
            if (File.Exists(sidecar))
            {
                truth[entry.Id] = OnGrid(WaveAnnotation.Load(sidecar), sampleRate, length);
            }
        }
        return truth;
    }

    /// <summary>
    /// <paramref name="source"/> resampled (nearest sample) to <paramref name="sampleRate"/> and centre-cropped or centre
    /// zero-padded to <paramref name="length"/> as the preprocessor does with the signal; padding is labelled baseline.
    /// </summary>
    public static WaveAnnotation OnGrid(WaveAnnotation source, double sampleRate, int length)
    {
        double scale = source.SampleRate / sampleRate;
        int resampled = (int)Math.Round(source.Labels.Count / scale);
        int shift = resampled >= length ? (resampled - length) / 2 : -((length - resampled) / 2);
        var labels = new WaveLabel[length];
        for (int t = 0; t < length; t++)
        {
            int u = t + shift;
            int s = (int)Math.Round(u * scale);
            labels[t] = u >= 0 && u < resampled && s < source.Labels.Count ? source.Labels[s] : WaveLabel.Baseline;
        }
        int[] beats = source.BeatSamples.Select(b => (int)Math.Round(b / scale) - shift).Where(b => b >= 0 && b < length).ToArray();
        return new WaveAnnotation(sampleRate, beats, labels);
    }

    /// <summary>R peaks and waves found in an input-grid signal <c>[lead * samples + t]</c> of <paramref name="leads"/>.</summary>
    public static WaveAnnotation Delineate(ReadOnlySpan<float> signal, IReadOnlyList<string> leads, double sampleRate, string id)
    {
        var record = new EcgRecord(id, signal.ToArray(), leads.Count, sampleRate, leads, null, Sex.Unknown, [], [], "");
        int[] peaks = RPeakDetector.Detect(record);
        return WaveDelineator.Delineate(record, peaks).Waves with { BeatSamples = peaks };
    }
}
