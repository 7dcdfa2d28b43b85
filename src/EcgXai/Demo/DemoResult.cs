using EcgXai.Eval;
using EcgXai.Explain.Crp;

namespace EcgXai.Demo;

/// <summary>What the demo produced: evaluations of teacher and student, and the student's AF concept ranking.</summary>
public sealed record DemoResult(string OutDirectory, EvaluationReport Teacher, EvaluationReport Student, ConceptStatistics AfConcepts);
