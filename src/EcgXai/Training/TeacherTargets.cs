namespace EcgXai.Training;

/// <summary>A teacher's cached probabilities on the training records and the loss weights to distil them with.</summary>
/// <param name="Teacher">Which teacher (its path), recorded in the student's checkpoint.</param>
/// <param name="Probabilities">Row-major <c>[training records, classes]</c> probabilities in training-set order.</param>
/// <param name="Options">α and τ of the distillation loss.</param>
public sealed record TeacherTargets(string Teacher, float[] Probabilities, DistillationOptions Options);
