namespace EcgXai.Models;

/// <summary>What a teacher model emits: raw logits (turned into probabilities by a sigmoid) or probabilities.</summary>
public enum TeacherOutput
{
    /// <summary>Logits; probabilities are their sigmoid.</summary>
    Logits,

    /// <summary>Probabilities in [0, 1], used as they are (e.g. Ribeiro et al.'s Keras model).</summary>
    Probabilities,
}
