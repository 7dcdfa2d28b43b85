namespace EcgXai.Datasets;

/// <summary>What preprocessing does with a record that lacks some of the leads the model's input needs.</summary>
public enum MissingLeadHandling
{
    /// <summary>Skip the record (counted as "missing-lead"); a dataset whose first records all lack a lead is refused.</summary>
    Refuse,

    /// <summary>
    /// Fill each missing lead with exact zeros (e.g. single-lead records in a 12-lead model's training); a record with
    /// none of the requested leads is still skipped as "missing-lead".
    /// </summary>
    Zero,
}
