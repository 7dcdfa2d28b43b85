using System.Numerics;

namespace EcgXai.Synthesis;

/// <summary>One Gaussian wave of the cardiac dipole: the vector <c>Amplitude · exp(-(t - Center)² / (2 Sigma²))</c>, in mV.</summary>
/// <param name="Center">Time of the peak, seconds from the record start.</param>
/// <param name="Sigma">Gaussian width, seconds.</param>
/// <param name="Amplitude">Dipole vector at the peak (heart coordinates), mV.</param>
internal readonly record struct WaveComponent(double Center, double Sigma, Vector3 Amplitude);
