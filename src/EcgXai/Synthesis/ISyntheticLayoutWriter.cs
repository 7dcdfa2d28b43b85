namespace EcgXai.Synthesis;

/// <summary>Writes the records and the index file of one data set layout.</summary>
internal interface ISyntheticLayoutWriter
{
    /// <summary>Identifier of record <paramref name="index"/> (0-based).</summary>
    string RecordId(int index);

    /// <summary>Duration of the next record, seconds, drawn from <paramref name="rng"/>.</summary>
    double DurationSeconds(SynthRandom rng);

    /// <summary>Writes the signal files and wave sidecars of record <paramref name="index"/> (called in parallel).</summary>
    void WriteRecord(int index, SyntheticRecord record);

    /// <summary>Writes the index (CSV) describing every record, given each record's patient in index order.</summary>
    void WriteIndex(IReadOnlyList<SyntheticPatient> patients);
}
