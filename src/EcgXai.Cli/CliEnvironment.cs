namespace EcgXai.Cli;

/// <summary>Where a verb writes: results to <see cref="Out"/>, progress and logs to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output: results, and a verb's single JSON line last.</param>
/// <param name="Error">Standard error: progress, logs and error messages.</param>
/// <param name="Interactive">True when <see cref="Error"/> is a terminal: progress is drawn as live bars, else as plain lines.</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool Interactive = false);
