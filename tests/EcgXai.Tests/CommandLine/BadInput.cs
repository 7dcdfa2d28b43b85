namespace EcgXai.Tests.CommandLine;

/// <summary>The kinds of bad input (and the one good input) every verb is tried with (issue 12's acceptance list).</summary>
public enum BadInput
{
    /// <summary>A model, record, data set or other input file that does not exist.</summary>
    Missing,

    /// <summary>Garbage bytes as a model, record, data set index or JSON file.</summary>
    WrongFormat,

    /// <summary>A class the model does not output.</summary>
    UnknownTarget,

    /// <summary>A layer (node) the model does not have.</summary>
    UnknownLayer,

    /// <summary>Model and data that do not fit (a 12-lead model on single-lead data, leads the data lack).</summary>
    DoesNotFit,

    /// <summary>An output that cannot be written (a folder under a file).</summary>
    Unwritable,

    /// <summary>Good input whose paths hold spaces: must succeed.</summary>
    PathWithSpaces,
}
