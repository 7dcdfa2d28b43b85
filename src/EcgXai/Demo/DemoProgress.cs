namespace EcgXai.Demo;

/// <summary>Progress of the demo: the stage running and a one-line message.</summary>
public sealed record DemoProgress(string Stage, string Message);
