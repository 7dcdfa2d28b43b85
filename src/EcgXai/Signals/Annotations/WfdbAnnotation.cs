namespace EcgXai.Signals.Annotations;

/// <summary>One annotation of a WFDB annotation file, with the fields <c>rdann</c> prints.</summary>
/// <param name="Sample">Sample number (time) of the annotation.</param>
/// <param name="Code">Annotation code (see <see cref="AnnotationCode"/>).</param>
/// <param name="SubType">The <c>subtyp</c> field (0 unless set for this annotation).</param>
/// <param name="Channel">The <c>chan</c> field (carried over from the previous annotation unless set).</param>
/// <param name="Number">The <c>num</c> field (carried over from the previous annotation unless set).</param>
/// <param name="Aux">The aux string (e.g. the rhythm "(N"), or null.</param>
public sealed record WfdbAnnotation(long Sample, int Code, int SubType, int Channel, int Number, string? Aux)
{
    /// <summary>The mnemonic of <see cref="Code"/>.</summary>
    public string Mnemonic => AnnotationCode.Mnemonic(Code);

    /// <summary>True when the annotation marks a beat (QRS complex).</summary>
    public bool IsBeat => AnnotationCode.IsBeat(Code);
}
