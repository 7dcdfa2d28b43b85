namespace EcgXai.Synthesis;

/// <summary>Official data set layouts the synthetic writer produces (read back by the real loaders).</summary>
public enum SyntheticLayout
{
    /// <summary>PTB-XL: <c>ptbxl_database.csv</c>, <c>records500/</c> and <c>records100/</c> WFDB format 16, 10 s.</summary>
    PtbXl,

    /// <summary>CPSC-2018 as in the CinC Challenge: <c>REFERENCE.csv</c> and WFDB records A0001… at 500 Hz, 6–60 s.</summary>
    Cpsc2018,
}
