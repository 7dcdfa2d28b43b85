namespace EcgXai.Synthesis;

/// <summary>
/// Noise levels of generated records, applied per electrode (so limb-lead identities keep holding). Each record
/// multiplies all levels by its own lognormal factor, so a data set mixes clean and noisy records.
/// </summary>
/// <param name="BaselineWander">Amplitude of respiratory and slow baseline wander (0.05–0.5 Hz), mV.</param>
/// <param name="MainsAmplitude">Amplitude of power-line interference, mV.</param>
/// <param name="MainsFrequency">Power-line frequency, Hz (50 or 60).</param>
/// <param name="Emg">Standard deviation of muscle (EMG) noise, mV.</param>
/// <param name="MotionRate">Expected electrode-motion bursts per second.</param>
/// <param name="MotionAmplitude">Peak amplitude of an electrode-motion burst, mV.</param>
public sealed record NoiseSettings(
    double BaselineWander,
    double MainsAmplitude,
    double MainsFrequency,
    double Emg,
    double MotionRate,
    double MotionAmplitude)
{
    /// <summary>No noise at all (for tests of the clean model).</summary>
    public static NoiseSettings None { get; } = new(0, 0, 50, 0, 0, 0);

    /// <summary>True when every level is zero.</summary>
    public bool IsSilent => BaselineWander == 0 && MainsAmplitude == 0 && Emg == 0 && (MotionRate == 0 || MotionAmplitude == 0);
}
