using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// The symmetric diverging colour scale of relevance plots: positive red, negative blue, zero left uncoloured; a value's
/// level is its share of <see cref="Limit"/> quantised to <see cref="Levels"/> steps per sign.
/// </summary>
/// <param name="Limit">The magnitude drawn in full colour (values beyond it are clipped).</param>
public sealed record DivergingScale(double Limit)
{
    /// <summary>Colour steps per sign.</summary>
    public const int Levels = 8;

    /// <summary>The scale whose limit is the largest magnitude of <paramref name="values"/> (1 when all are zero or none is finite).</summary>
    public static DivergingScale Of(IEnumerable<float> values)
    {
        double max = 0;
        foreach (float v in values)
        {
            if (float.IsFinite(v))
            {
                max = Math.Max(max, Math.Abs(v));
            }
        }
        return new DivergingScale(max > 0 ? max : 1);
    }

    /// <summary>The level of <paramref name="value"/> in [−Levels, Levels]; 0 for small or non-finite values.</summary>
    public int Level(double value) => double.IsFinite(value) ? (int)Math.Round(Math.Clamp(value / Limit, -1, 1) * Levels) : 0;

    /// <summary>The colour of level <paramref name="level"/> (≠ 0): pure red or blue at the limit, paler towards zero.</summary>
    public static Color ColorOf(int level)
    {
        double t = Math.Abs(level) / (double)Levels;
        byte fade = (byte)Math.Round(190 * (1 - t));
        return level > 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }
}
