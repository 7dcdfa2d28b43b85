namespace EcgXai.IO;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports synchronously on the reporting thread, so reports arrive in order and
/// before the operation returns (unlike <see cref="Progress{T}"/>, which posts them to the thread pool).
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
