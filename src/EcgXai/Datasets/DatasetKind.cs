namespace EcgXai.Datasets;

/// <summary>The dataset layouts a spec string can name (the part before the colon).</summary>
public enum DatasetKind
{
    /// <summary><c>ptbxl:</c> PTB-XL (<c>ptbxl_database.csv</c>, WFDB records, folds 1–10).</summary>
    PtbXl,

    /// <summary><c>cpsc2018:</c> CPSC-2018 (<c>REFERENCE.csv</c> with MATLAB 5 or CinC WFDB files).</summary>
    Cpsc2018,

    /// <summary><c>challenge:</c> PhysioNet/CinC 2020/2021/2024 WFDB records labelled in their headers.</summary>
    Challenge,

    /// <summary><c>cinc2017:</c> PhysioNet/CinC 2017 single-lead records with <c>REFERENCE.csv</c>.</summary>
    Cinc2017,

    /// <summary><c>sph:</c> Shandong Provincial Hospital HDF5 records with <c>metadata.csv</c>.</summary>
    Sph,
}
