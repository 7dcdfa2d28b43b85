namespace EcgXai.Reports;

/// <summary>Options of <see cref="EcgPlot"/>.</summary>
/// <param name="Seconds">Seconds of the record to draw, from its start (at most its duration).</param>
/// <param name="PixelsPerMillimetre">Image resolution; the paper is 25 mm/s and 10 mm/mV.</param>
public sealed record EcgPlotOptions(double Seconds = 10, double PixelsPerMillimetre = 6)
{
    /// <summary>Throws <see cref="ArgumentException"/> for non-positive values.</summary>
    public void Validate()
    {
        if (!(Seconds > 0) || !(PixelsPerMillimetre > 0))
        {
            throw new ArgumentException("plot seconds and resolution must be positive");
        }
    }
}
