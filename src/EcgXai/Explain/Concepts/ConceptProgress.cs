namespace EcgXai.Explain.Concepts;

/// <summary>Progress of a concept analysis: the stage, work done of the total (records, or items of the stage), and a message.</summary>
public sealed record ConceptProgress(string Stage, int Done, int Total, string Message = "");
