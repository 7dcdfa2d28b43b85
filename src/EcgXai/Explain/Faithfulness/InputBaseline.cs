namespace EcgXai.Explain.Faithfulness;

/// <summary>What a flipped input cell is replaced by.</summary>
public enum InputBaseline
{
    /// <summary>Zero (0 mV).</summary>
    Zero,

    /// <summary>The record's mean over time, per lead.</summary>
    LeadMean,

    /// <summary>A low-passed copy of the record (centred moving average, see <see cref="InputBaselines"/>).</summary>
    LowPass,
}
