namespace EcgXai.Cli.Commands;

/// <summary>Reports progress synchronously on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
public sealed class LineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
