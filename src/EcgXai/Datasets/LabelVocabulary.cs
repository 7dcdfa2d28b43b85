namespace EcgXai.Datasets;

/// <summary>A coding system in which datasets state their labels.</summary>
public enum LabelVocabulary
{
    /// <summary>PTB-XL SCP-ECG statement codes (<c>scp_codes</c>, Challenge-2024 <c># Labels:</c>).</summary>
    PtbXlScp,

    /// <summary>CPSC-2018 <c>REFERENCE.csv</c> codes 1–9.</summary>
    Cpsc2018,

    /// <summary>SNOMED CT concept ids (CinC 2020/2021 <c>#Dx</c>, SPH metadata).</summary>
    Snomed,

    /// <summary>Abbreviations of the first CinC-2020 release (February 2020), e.g. <c>I-AVB</c>.</summary>
    CinC2020,

    /// <summary>CinC-2017 rhythm letters N, A, O, ~.</summary>
    CinC2017,
}
