using EcgXai.Datasets;

namespace EcgXai.Tests.Datasets;

public sealed class PolyphaseResamplerTests
{
    private static float[] Sine(double hz, double rate, int n) =>
        Enumerable.Range(0, n).Select(i => (float)Math.Sin(2 * Math.PI * hz * i / rate)).ToArray();

    private static double CentreAmplitude(float[] x) =>
        x.Skip(x.Length / 4).Take(x.Length / 2).Max(v => Math.Abs(v));

    [Theory]
    [InlineData(500, 400, 40)]
    [InlineData(500, 400, 150)]
    [InlineData(500, 100, 20)]
    [InlineData(300, 400, 50)]
    [InlineData(1000, 400, 100)]
    public void SineBelowNewNyquistKeepsAmplitudeAndFrequency(double from, double to, double hz)
    {
        var resampler = new PolyphaseResampler(from, to);
        float[] input = Sine(hz, from, (int)(from * 10));
        float[] output = new float[resampler.OutputLength(input.Length)];
        resampler.Resample(input, output);

        Assert.Equal((int)Math.Ceiling(input.Length * to / from), output.Length);
        float[] expected = Sine(hz, to, output.Length);
        for (int i = output.Length / 4; i < 3 * output.Length / 4; i++)
        {
            Assert.True(Math.Abs(output[i] - expected[i]) < 0.01, $"sample {i}: {output[i]} vs {expected[i]}");
        }
        double rms = Math.Sqrt(output.Skip(output.Length / 4).Take(output.Length / 2).Average(v => (double)v * v));
        Assert.InRange(rms, 0.99 / Math.Sqrt(2), 1.01 / Math.Sqrt(2));
    }

    [Theory]
    [InlineData(500, 400, 240)]
    [InlineData(500, 100, 70)]
    [InlineData(1000, 400, 300)]
    public void SineAboveNewNyquistIsRemoved(double from, double to, double hz)
    {
        var resampler = new PolyphaseResampler(from, to);
        float[] input = Sine(hz, from, (int)(from * 10));
        float[] output = new float[resampler.OutputLength(input.Length)];
        resampler.Resample(input, output);

        Assert.True(CentreAmplitude(output) < 0.01, $"alias amplitude {CentreAmplitude(output)}");
    }

    [Fact]
    public void RatioIsReduced()
    {
        var resampler = new PolyphaseResampler(500, 400);
        Assert.Equal((4, 5), (resampler.Up, resampler.Down));
        Assert.Throws<ArgumentException>(() => new PolyphaseResampler(0, 400));
    }

    [Fact]
    public void SameRateIsIdentity()
    {
        var resampler = new PolyphaseResampler(400, 400);
        float[] input = Sine(7, 400, 100);
        float[] output = new float[100];
        resampler.Resample(input, output);
        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData(500, 400, 12)]
    [InlineData(1000, 400, 3)]
    [InlineData(300, 400, 17)]
    public void ChannelsTogetherEqualChannelsOneByOne(double from, double to, int channels)
    {
        var resampler = new PolyphaseResampler(from, to);
        int n = 1234, outLength = resampler.OutputLength(n);
        float[] input = Enumerable.Range(0, channels * n).Select(i => (float)Math.Sin(i * 0.37 + i / n)).ToArray();
        float[] together = new float[channels * outLength];
        resampler.Resample(input, channels, together);
        for (int c = 0; c < channels; c++)
        {
            float[] alone = new float[outLength];
            resampler.Resample(input.AsSpan(c * n, n), alone);
            for (int m = 0; m < outLength; m++)
            {
                Assert.Equal(alone[m], together[c * outLength + m], 1e-5f);
            }
        }
    }
}
