using EcgXai.Training.Metrics;

namespace EcgXai.Explain.Faithfulness;

/// <summary>How SRG flips: steps, input cells and baseline, batching, bootstrap and seeds.</summary>
public sealed record SrgSettings
{
    /// <summary>Flipping steps K.</summary>
    public int Steps { get; init; } = PerturbationSchedule.DefaultSteps;

    /// <summary>Length of an input cell's time segment, seconds.</summary>
    public double SegmentSeconds { get; init; } = 0.1;

    /// <summary>What flipped input cells are replaced by.</summary>
    public InputBaseline Baseline { get; init; } = InputBaseline.Zero;

    /// <summary>Moving-average window of the <see cref="InputBaseline.LowPass"/> baseline, seconds.</summary>
    public double LowPassSeconds { get; init; } = 0.2;

    /// <summary>EpsilonGammaBox's input bounds; null takes the smallest and largest sample over the records analysed (<see cref="InputBox.Over"/>).</summary>
    public InputBox? Box { get; init; }

    /// <summary>Records per batch (each step is one forward over both orders of the batch).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seed of the random-order baseline and of the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Bootstrap resamples of the confidence intervals.</summary>
    public int BootstrapResamples { get; init; } = Bootstrap.DefaultResamples;

    /// <summary>Throws <see cref="ArgumentException"/> for settings SRG cannot run with.</summary>
    public void Validate()
    {
        if (Steps < 1 || BatchSize < 1 || BootstrapResamples < 1)
        {
            throw new ArgumentException($"steps, batch size and bootstrap resamples must be positive, got {Steps}, {BatchSize}, {BootstrapResamples}");
        }
        if (!(SegmentSeconds > 0) || !(LowPassSeconds > 0))
        {
            throw new ArgumentException($"segment and low-pass window must be positive, got {SegmentSeconds} s and {LowPassSeconds} s");
        }
        if (Box is { } box && !(box.Low < box.High))
        {
            throw new ArgumentException($"the input box needs low < high, got [{box.Low}, {box.High}]");
        }
    }
}
