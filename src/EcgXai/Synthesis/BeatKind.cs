namespace EcgXai.Synthesis;

/// <summary>Origin of a ventricular beat.</summary>
internal enum BeatKind
{
    /// <summary>Conducted from the sinus node (or, in AF and flutter, from the atria) through the normal pathway.</summary>
    Conducted,

    /// <summary>Premature atrial contraction: an early, differently shaped P wave, then a normally conducted QRS.</summary>
    PrematureAtrial,

    /// <summary>Premature ventricular contraction: an early, wide QRS of ectopic shape without a P wave, discordant T.</summary>
    PrematureVentricular,
}
