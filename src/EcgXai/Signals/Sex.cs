namespace EcgXai.Signals;

/// <summary>Patient sex as recorded by a dataset.</summary>
public enum Sex
{
    /// <summary>Not recorded.</summary>
    Unknown,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Female.</summary>
    Female,
}
