using EcgXai.Datasets;
using EcgXai.Models;
using EcgXai.Signals;

namespace EcgXai.Tests.Training;

/// <summary>A tiny learnable problem: class c is present when lead c carries a positive offset on top of noise.</summary>
internal static class ToyData
{
    public static readonly IReadOnlyList<string> Leads = ["I", "II"];
    public static readonly IReadOnlyList<string> Classes = ["A", "B"];

    /// <summary>A 2-lead, 2-class model of 64 samples.</summary>
    public static ResNet1dConfig Config => new()
    {
        Filters = [4, 8],
        Lengths = [64, 16],
        KernelSize = 5,
        Dropout = 0.1,
        LeadNames = Leads,
        ClassNames = Classes,
        SampleRate = 100,
    };

    public static InMemoryPreparedDataset Create(int count, int seed, string name = "toy")
    {
        var random = new Random(seed);
        int length = Config.InputLength;
        var signals = new float[count * Leads.Count * length];
        var labels = new float[count * Classes.Count];
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < Classes.Count; c++)
            {
                bool positive = random.NextDouble() < 0.4;
                labels[i * Classes.Count + c] = positive ? 1 : 0;
                for (int t = 0; t < length; t++)
                {
                    double noise = random.NextDouble() * 2 - 1;
                    signals[(i * Leads.Count + c) * length + t] = (float)(noise + (positive ? 0.6 : 0));
                }
            }
        }
        string[] ids = Enumerable.Range(0, count).Select(i => $"{name}-{i}").ToArray();
        return new InMemoryPreparedDataset(name, signals, labels, ids, ids, new double?[count], new Sex[count], Leads, Classes, 100, length);
    }
}
