namespace EcgXai.Datasets;

/// <summary>A part of a dataset selected by a spec's <c>@train</c>, <c>@val</c> or <c>@test</c> suffix.</summary>
public enum DatasetSplit
{
    /// <summary>Training part (PTB-XL folds 1–8).</summary>
    Train,

    /// <summary>Validation part (PTB-XL fold 9).</summary>
    Val,

    /// <summary>Test part (PTB-XL fold 10).</summary>
    Test,
}
