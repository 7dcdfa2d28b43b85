namespace EcgXai.Explain.Concepts;

/// <summary>Bootstrap 95 % intervals per channel of its mean and of its rank (1 = largest mean).</summary>
/// <param name="MeanLow">2.5 % percentile of the mean.</param>
/// <param name="MeanHigh">97.5 % percentile of the mean.</param>
/// <param name="RankLow">2.5 % percentile of the rank.</param>
/// <param name="RankHigh">97.5 % percentile of the rank.</param>
public sealed record BootstrapIntervals(IReadOnlyList<double> MeanLow, IReadOnlyList<double> MeanHigh, IReadOnlyList<double> RankLow, IReadOnlyList<double> RankHigh);
