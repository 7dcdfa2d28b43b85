namespace EcgXai.Explain.Verification;

/// <summary>What a zennit fixture asks to recompute: the target of every row, the recorded layers, and the CRP concepts.</summary>
/// <param name="Target">Target class of every row.</param>
/// <param name="Sample">Record of <c>ref.x</c> whose concepts are conditioned on.</param>
/// <param name="Layers">Nodes whose relevance, activation and concept relevance are referenced.</param>
/// <param name="Concepts">Concept channels conditioned on, per node (one CRP row each).</param>
public sealed record ReferenceRequest(int Target, int Sample, IReadOnlyList<string> Layers, IReadOnlyDictionary<string, IReadOnlyList<int>> Concepts);
