namespace EcgXai.Explain.Concepts;

/// <summary>Which records of each dataset a concept analysis explains.</summary>
public enum ConceptRecords
{
    /// <summary>The records labelled with the target class.</summary>
    Positives,

    /// <summary>Every record.</summary>
    All,
}
