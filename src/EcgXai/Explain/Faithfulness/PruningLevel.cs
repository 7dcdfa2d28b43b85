namespace EcgXai.Explain.Faithfulness;

/// <summary>What pruning keeps at the classifier input.</summary>
public enum PruningLevel
{
    /// <summary>Single (channel, time) positions (the study's "nodes").</summary>
    Positions,

    /// <summary>Whole channels, all their time positions (a channel ranking is less noisy on few records).</summary>
    Channels,
}
