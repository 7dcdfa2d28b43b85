using EcgXai.Signals;
using EcgXai.Signals.Annotations;

namespace EcgXai.Explain.Waves;

/// <summary>The <c>beats</c> pipeline: read a WFDB record, detect its R peaks, and score them against reference beat annotations.</summary>
public static class BeatDetection
{
    /// <summary>Detects and, when a reference is named, scores (beat annotations only, 150 ms window).</summary>
    /// <exception cref="IO.InvalidRecordException">The record or the annotation file is missing or damaged.</exception>
    /// <exception cref="ArgumentException">A lead named in the options is not in the record.</exception>
    public static BeatsResult Run(BeatsOptions options)
    {
        EcgRecord record = WfdbRecordReader.Read(options.RecordPath);
        int[] peaks = RPeakDetector.Detect(record, options.Detector);
        BeatMatchScore? score = null;
        if (options.ReferenceExtension is { } extension)
        {
            long[] reference = WfdbAnnotationReader.Read(WfdbAnnotationReader.PathOf(options.RecordPath, extension))
                .Where(a => a.IsBeat).Select(a => a.Sample).ToArray();
            score = BeatMatchScore.Match(reference, peaks.Select(p => (long)p).ToArray(), BeatMatchScore.WindowSamples(record.SampleRate));
        }
        return new BeatsResult(record.SampleRate, peaks, score);
    }
}
