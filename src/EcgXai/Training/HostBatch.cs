namespace EcgXai.Training;

/// <summary>
/// One batch in host memory, row-major: <see cref="Signals"/> <c>[Count, leads, length]</c>, <see cref="Labels"/>
/// <c>[Count, classes]</c> and, when distilling, <see cref="TeacherProbabilities"/> <c>[Count, classes]</c>.
/// </summary>
/// <param name="Count">Records in the batch.</param>
/// <param name="Signals">Signal values.</param>
/// <param name="Labels">Multi-hot labels.</param>
/// <param name="TeacherProbabilities">Cached teacher probabilities, or null when training on labels only.</param>
public sealed record HostBatch(int Count, float[] Signals, float[] Labels, float[]? TeacherProbabilities);
