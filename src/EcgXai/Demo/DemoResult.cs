using EcgXai.Eval;
using EcgXai.Explain.Concepts;

namespace EcgXai.Demo;

/// <summary>What the demo produced: evaluations of teacher and student, and the student's AF concepts at the classifier input, in rank order over all records.</summary>
public sealed record DemoResult(string OutDirectory, EvaluationReport Teacher, EvaluationReport Student, IReadOnlyList<ConceptRow> AfConcepts);
