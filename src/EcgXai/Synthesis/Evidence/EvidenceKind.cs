namespace EcgXai.Synthesis.Evidence;

/// <summary>The cue a planted-evidence data set's label depends on.</summary>
public enum EvidenceKind
{
    /// <summary>P waves removed in a lead subset (<c>p-absent</c>).</summary>
    PAbsent,

    /// <summary>Irregular RR intervals, P waves kept (<c>rr-irregular</c>); no local region: the R-peak windows of moved beats stand for it.</summary>
    RrIrregular,

    /// <summary>ST segment raised in a lead subset (<c>st-elevation</c>).</summary>
    StElevation,

    /// <summary>QRS widened without bundle-branch morphology (<c>qrs-wide</c>).</summary>
    QrsWide,
}
