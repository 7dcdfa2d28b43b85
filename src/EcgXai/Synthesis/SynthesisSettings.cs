namespace EcgXai.Synthesis;

/// <summary>
/// Everything that shapes a synthetic population: class prevalences, rate distributions per rhythm, patient variability
/// and noise. <see cref="Default"/> is the built-in data; <see cref="Shift"/> stands in for another hospital (other noise,
/// amplitudes, rates, ages and prevalences); <see cref="HardPreset"/> overlaps the classes near their clinical limits and
/// adds irregular rhythms that are not AF (see <see cref="HardSettings"/>).
/// </summary>
/// <param name="Classes">Class prevalences and whether they combine.</param>
/// <param name="Noise">Noise levels.</param>
/// <param name="NormalRate">Heart rate of normal-rate sinus rhythm, bpm (within 60–100).</param>
/// <param name="BradycardiaRate">Heart rate of sinus bradycardia, bpm (below 60).</param>
/// <param name="TachycardiaRate">Heart rate of sinus tachycardia, bpm (above 100).</param>
/// <param name="AfRate">Mean ventricular rate of atrial fibrillation, bpm.</param>
/// <param name="Amplitude">Median QRS amplitude scale (1 = about 1.2 mV R in lead II).</param>
/// <param name="AmplitudeSpread">Standard deviation of the log amplitude scale between patients.</param>
/// <param name="Axis">Rotation of the frontal electrical axis from the model's about 45°, degrees.</param>
/// <param name="Age">Age in years.</param>
/// <param name="FemaleFraction">Fraction of female patients.</param>
/// <param name="SampleRate">Sampling frequency of generated records, Hz.</param>
public sealed record SynthesisSettings(
    ClassMix Classes,
    NoiseSettings Noise,
    ClampedNormal NormalRate,
    ClampedNormal BradycardiaRate,
    ClampedNormal TachycardiaRate,
    ClampedNormal AfRate,
    double Amplitude,
    double AmplitudeSpread,
    ClampedNormal Axis,
    ClampedNormal Age,
    double FemaleFraction,
    double SampleRate)
{
    /// <summary>The built-in population.</summary>
    public static SynthesisSettings Default { get; } = new(
        Classes: new ClassMix(AF: 0.15, SB: 0.12, ST: 0.12, FirstDegreeAvBlock: 0.12, Rbbb: 0.10, Lbbb: 0.08, Combinations: true),
        Noise: new NoiseSettings(BaselineWander: 0.10, MainsAmplitude: 0.015, MainsFrequency: 50, Emg: 0.012, MotionRate: 0.03, MotionAmplitude: 0.3),
        NormalRate: new ClampedNormal(74, 9, 61, 99),
        BradycardiaRate: new ClampedNormal(51, 4, 38, 58),
        TachycardiaRate: new ClampedNormal(114, 10, 102, 150),
        AfRate: new ClampedNormal(98, 20, 60, 160),
        Amplitude: 1.0,
        AmplitudeSpread: 0.2,
        Axis: new ClampedNormal(0, 20, -60, 60),
        Age: new ClampedNormal(60, 17, 18, 95),
        FemaleFraction: 0.48,
        SampleRate: 500);

    /// <summary>An out-of-distribution hospital: 60 Hz mains, more noise, lower amplitudes, faster rates, older patients.</summary>
    public static SynthesisSettings Shift { get; } = new(
        Classes: new ClassMix(AF: 0.20, SB: 0.10, ST: 0.15, FirstDegreeAvBlock: 0.10, Rbbb: 0.12, Lbbb: 0.06, Combinations: true),
        Noise: new NoiseSettings(BaselineWander: 0.20, MainsAmplitude: 0.03, MainsFrequency: 60, Emg: 0.03, MotionRate: 0.06, MotionAmplitude: 0.5),
        NormalRate: new ClampedNormal(80, 9, 61, 99),
        BradycardiaRate: new ClampedNormal(49, 5, 35, 58),
        TachycardiaRate: new ClampedNormal(121, 12, 102, 150),
        AfRate: new ClampedNormal(110, 22, 60, 170),
        Amplitude: 0.8,
        AmplitudeSpread: 0.25,
        Axis: new ClampedNormal(-10, 25, -70, 60),
        Age: new ClampedNormal(66, 15, 18, 95),
        FemaleFraction: 0.45,
        SampleRate: 500);

    /// <summary>
    /// The <c>hard</c> population: rates near 60 and 100 bpm, PR near 200 ms, QRS 110–130 ms in blocks, AF with weak
    /// fibrillatory waves of random axis and a range of irregularity, confounding irregular rhythms, stronger and more
    /// varied noise.
    /// </summary>
    public static SynthesisSettings HardPreset { get; } = new(
        Classes: new ClassMix(AF: 0.15, SB: 0.12, ST: 0.12, FirstDegreeAvBlock: 0.12, Rbbb: 0.10, Lbbb: 0.08, Combinations: true),
        Noise: new NoiseSettings(BaselineWander: 0.25, MainsAmplitude: 0.03, MainsFrequency: 50, Emg: 0.035, MotionRate: 0.08, MotionAmplitude: 0.6),
        NormalRate: new ClampedNormal(80, 13, 60.5, 99.5),
        BradycardiaRate: new ClampedNormal(56, 3, 45, 59.5),
        TachycardiaRate: new ClampedNormal(105, 5, 100.5, 130),
        AfRate: new ClampedNormal(88, 18, 55, 150),
        Amplitude: 1.0,
        AmplitudeSpread: 0.3,
        Axis: new ClampedNormal(0, 25, -70, 70),
        Age: new ClampedNormal(62, 17, 18, 95),
        FemaleFraction: 0.48,
        SampleRate: 500)
    {
        Hard = HardSettings.Preset,
    };

    /// <summary>Class overlaps and confounding rhythms of the <c>hard</c> preset; null for the plain populations.</summary>
    public HardSettings? Hard { get; init; }

    /// <summary>Names accepted by <see cref="FromPreset"/>.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["default", "shift", "hard"];

    /// <summary>The settings of a named preset ("default", "shift" or "hard").</summary>
    public static SynthesisSettings FromPreset(string name) => name switch
    {
        "default" => Default,
        "shift" => Shift,
        "hard" => HardPreset,
        _ => throw new ArgumentException($"unknown synthesis preset '{name}' (known: {string.Join(", ", PresetNames)})", nameof(name)),
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        Classes.Validate();
        Hard?.Validate();
        if (!(SampleRate >= 100) || !(Amplitude > 0) || !(AmplitudeSpread >= 0) || !(FemaleFraction >= 0 && FemaleFraction <= 1))
        {
            throw new ArgumentException("sample rate must be at least 100 Hz, amplitude positive, spread non-negative, female fraction in [0, 1]");
        }
        if (NormalRate.Min < 60 || NormalRate.Max > 100 || BradycardiaRate.Max >= 60 || TachycardiaRate.Min <= 100 || AfRate.Min < 30)
        {
            throw new ArgumentException("rate ranges must respect their class definitions (normal 60–100, SB < 60, ST > 100 bpm)");
        }
    }
}
