namespace EcgXai.Datasets;

/// <summary>What preprocessing does with a record holding missing samples (WFDB's invalid-sample value, NaN once read).</summary>
public enum InvalidSampleHandling
{
    /// <summary>Skip the record (counted as "invalid-samples").</summary>
    Skip,

    /// <summary>Fill each run of missing samples linearly between its valid neighbours (the nearest one at an edge); a lead with no valid sample is still skipped.</summary>
    Interpolate,
}
