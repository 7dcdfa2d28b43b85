namespace EcgXai.IO;

/// <summary>Base of every error EcgXai raises about its inputs; the message names the file and the problem.</summary>
public class EcgXaiException : Exception
{
    /// <summary>Creates an error about <paramref name="path"/>.</summary>
    public EcgXaiException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file (or dataset) the problem is about.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
