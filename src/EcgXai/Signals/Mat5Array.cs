namespace EcgXai.Signals;

/// <summary>
/// One MATLAB array read from a MAT 5 file. Numeric classes carry <see cref="Numbers"/> (column-major, converted
/// to double), characters <see cref="Text"/>, structures one field map per element in <see cref="Elements"/>,
/// cells their arrays in <see cref="Cells"/>.
/// </summary>
/// <param name="Name">Variable or field name ("" inside structs and cells).</param>
/// <param name="Class">Array class.</param>
/// <param name="Dimensions">Size per dimension (at least two).</param>
/// <param name="Numbers">Real values of a numeric array, column-major; empty otherwise.</param>
/// <param name="Text">Characters of a char array (columns concatenated); empty otherwise.</param>
/// <param name="Elements">Field maps of a struct array, one per element; empty otherwise.</param>
/// <param name="Cells">Arrays of a cell array, column-major; empty otherwise.</param>
public sealed record Mat5Array(
    string Name,
    Mat5Class Class,
    IReadOnlyList<int> Dimensions,
    double[] Numbers,
    string Text,
    IReadOnlyList<IReadOnlyDictionary<string, Mat5Array>> Elements,
    IReadOnlyList<Mat5Array> Cells)
{
    /// <summary>Number of elements (product of the dimensions).</summary>
    public long Count => Dimensions.Aggregate(1L, (a, d) => a * d);

    /// <summary>True for the numeric classes.</summary>
    public bool IsNumeric => Class is not (Mat5Class.Cell or Mat5Class.Struct or Mat5Class.Char);
}
