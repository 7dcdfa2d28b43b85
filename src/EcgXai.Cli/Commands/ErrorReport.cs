using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using EcgXai.IO;

namespace EcgXai.Cli.Commands;

/// <summary>Maps any exception that reaches the top of a verb to an exit code and one line for the user (no stack trace).</summary>
public static class ErrorReport
{
    /// <summary>The exit code and the one-line message for <paramref name="error"/>.</summary>
    public static (int Code, string Message) Describe(Exception error) => error switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerException!),
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        UsageException e => (ExitCodes.Usage, OneLine(e.Message)),
        OperationCanceledException => (ExitCodes.Failure, "cancelled; outputs finished before the cancel are kept and a resumable stage resumes"),
        EcgXaiException e => (ExitCodes.Failure, OneLine(e.Message)),
        FileNotFoundException e => (ExitCodes.Failure, e.FileName is { } f ? $"{f}: file not found" : OneLine(e.Message)),
        DirectoryNotFoundException e => (ExitCodes.Failure, OneLine(e.Message)),
        UnauthorizedAccessException e => (ExitCodes.Failure, OneLine(e.Message)),
        IOException e => (ExitCodes.Failure, OneLine(e.Message)),
        OutOfMemoryException => (ExitCodes.Failure, "out of memory: try a smaller --batch, fewer records or shorter inputs"),
        ExternalException e => (ExitCodes.Failure, NativeMessage(e)),
        JsonException e => (ExitCodes.Failure, "invalid JSON: " + OneLine(e.Message)),
        InvalidDataException or FormatException or ArgumentException or NotSupportedException => (ExitCodes.Failure, OneLine(error.Message)),
        _ => (ExitCodes.Failure, $"unexpected {error.GetType().Name}: {OneLine(error.Message)} (run with --verbose for the stack trace)"),
    };

    /// <summary>
    /// The first line of a message (libtorch appends its C++ stack to the first line), with control characters (e.g.
    /// from a damaged file echoed in the message) shown as <c>?</c>.
    /// </summary>
    public static string OneLine(string message)
    {
        string first = ContainedPath.Printable(message.Split('\n', 2)[0].Trim());
        return first.Length == 0 ? "(no message)" : first;
    }

    private static string NativeMessage(ExternalException e)
    {
        string text = OneLine(e.Message);
        return text.Contains("out of memory", StringComparison.OrdinalIgnoreCase) || text.Contains("can't allocate", StringComparison.OrdinalIgnoreCase)
            ? "out of memory in libtorch: try a smaller --batch or the cpu device (" + text + ")"
            : "libtorch: " + text;
    }
}
