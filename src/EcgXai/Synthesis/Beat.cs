namespace EcgXai.Synthesis;

/// <summary>One ventricular beat of the rhythm: its QRS onset, the RR interval that precedes it, and its origin.</summary>
/// <param name="QrsOnset">QRS onset, seconds from the record start (may be negative or beyond the end).</param>
/// <param name="RrBefore">Interval from the previous QRS onset, seconds.</param>
/// <param name="Kind">Conducted or premature (atrial or ventricular).</param>
internal readonly record struct Beat(double QrsOnset, double RrBefore, BeatKind Kind = BeatKind.Conducted);
