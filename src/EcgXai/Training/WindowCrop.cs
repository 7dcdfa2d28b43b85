namespace EcgXai.Training;

/// <summary>The window every row of a dataset is cut to for one pass: <paramref name="Window"/> samples from <paramref name="Starts"/>[row].</summary>
/// <param name="Window">Samples per lead kept (the model's input length).</param>
/// <param name="Starts">First kept sample of each row of the dataset, by row index.</param>
public sealed record WindowCrop(int Window, IReadOnlyList<int> Starts);
