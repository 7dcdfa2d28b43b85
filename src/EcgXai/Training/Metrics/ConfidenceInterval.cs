namespace EcgXai.Training.Metrics;

/// <summary>
/// A point estimate with a percentile bootstrap interval. <see cref="Resamples"/> counts the resamples in which
/// the statistic was defined (both classes present); the bounds are NaN when none was.
/// </summary>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Resamples);
