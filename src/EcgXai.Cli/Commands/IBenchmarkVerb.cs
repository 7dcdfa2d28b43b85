namespace EcgXai.Cli.Commands;

/// <summary>Marks a verb as a kind of <c>ecgxai bench</c> (e.g. <c>bench data</c>) rather than a top-level verb.</summary>
public interface IBenchmarkVerb;
