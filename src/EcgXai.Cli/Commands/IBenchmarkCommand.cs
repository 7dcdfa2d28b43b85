namespace EcgXai.Cli.Commands;

/// <summary>A sub-verb of <c>ecgxai bench</c> (e.g. <c>bench data</c>); discovered by reflection like verbs.</summary>
public interface IBenchmarkCommand : ICommand;
