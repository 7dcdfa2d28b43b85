using System.IO.Compression;

namespace EcgXai.Tests.Signals;

/// <summary>Reads the reference rdsamp outputs of wfdb-conformance (plain or gzip).</summary>
internal static class RdsampOutput
{
    /// <summary>The non-empty lines of the output.</summary>
    public static string[] Lines(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The values of one line (columns padded with spaces and separated by tabs).</summary>
    public static string[] Fields(string line) => line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The lines as rows of integers.</summary>
    public static int[][] Rows(string path) => Lines(path).Select(l => Fields(l).Select(int.Parse).ToArray()).ToArray();
}
