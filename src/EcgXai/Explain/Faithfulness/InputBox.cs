namespace EcgXai.Explain.Faithfulness;

/// <summary>The input bounds of EpsilonGammaBox's ZBox rule on the stem.</summary>
/// <param name="Low">Lower bound l.</param>
/// <param name="High">Upper bound h.</param>
public sealed record InputBox(double Low, double High);
