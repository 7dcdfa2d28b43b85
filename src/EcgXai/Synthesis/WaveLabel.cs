namespace EcgXai.Synthesis;

/// <summary>The wave under one sample of a synthetic record (ground truth).</summary>
public enum WaveLabel : byte
{
    /// <summary>Isoelectric baseline (TP segment) of sinus rhythm.</summary>
    Baseline = 0,

    /// <summary>P wave (atrial depolarisation).</summary>
    P = 1,

    /// <summary>PR segment, from the end of P to the onset of QRS.</summary>
    PR = 2,

    /// <summary>QRS complex (ventricular depolarisation).</summary>
    Qrs = 3,

    /// <summary>ST segment, from the end of QRS to the onset of T.</summary>
    ST = 4,

    /// <summary>T wave (ventricular repolarisation).</summary>
    T = 5,

    /// <summary>Atrial activity without P waves between ventricular waves: fibrillatory waves of AF, flutter waves.</summary>
    FWave = 6,
}
