using EcgXai.IO;

namespace EcgXai.Signals;

/// <summary>
/// Reads an original CPSC-2018 record: a MAT 5 file with a 1 x 1 struct <c>ECG</c> whose fields are
/// <c>sex</c> (char), <c>age</c> (number) and <c>data</c> (12 x N, millivolts, standard lead order, 500 Hz).
/// </summary>
public static class Mat5EcgReader
{
    /// <summary>Sampling rate of every CPSC-2018 recording.</summary>
    public const double SampleRate = 500;

    /// <summary>Reads <paramref name="path"/> as an <see cref="EcgRecord"/> (labels empty; CPSC codes come from REFERENCE.csv).</summary>
    /// <param name="path">The MAT file.</param>
    /// <param name="maxBytes">Most bytes the file may hold and inflate to (see <see cref="Mat5Reader.Read"/>).</param>
    /// <exception cref="InvalidRecordException">Unreadable, corrupt or too large MAT file, missing fields, wrong shape, or non-finite samples.</exception>
    public static EcgRecord Read(string path, long maxBytes = Mat5Reader.DefaultMaxBytes)
    {
        IReadOnlyDictionary<string, Mat5Array> variables = Mat5Reader.Read(path, maxBytes);
        if (!variables.TryGetValue("ECG", out Mat5Array? ecg) || ecg.Class != Mat5Class.Struct || ecg.Elements.Count != 1)
        {
            throw new InvalidRecordException(path, "format", "has no 1 x 1 struct variable 'ECG'");
        }
        IReadOnlyDictionary<string, Mat5Array> fields = ecg.Elements[0];
        Mat5Array data = Field(fields, "data", path);
        int leads = LeadNames.Standard12.Count;
        if (!data.IsNumeric || data.Dimensions.Count != 2 || data.Dimensions[0] != leads)
        {
            throw new InvalidRecordException(path, "shape", $"ECG.data is {data.Class} [{string.Join(" x ", data.Dimensions)}], expected 12 x N numbers");
        }
        int n = data.Dimensions[1];
        var samples = new float[leads * n];
        double[] values = data.Numbers;
        for (int t = 0; t < n; t++)
        {
            for (int lead = 0; lead < leads; lead++)
            {
                double v = values[t * leads + lead];
                if (!double.IsFinite(v))
                {
                    throw new InvalidRecordException(path, "nan", $"ECG.data({lead + 1},{t + 1}) is {v}");
                }
                samples[lead * n + t] = (float)v;
            }
        }
        Mat5Array age = Field(fields, "age", path);
        double? years = age.IsNumeric && age.Numbers.Length == 1 && double.IsFinite(age.Numbers[0]) && age.Numbers[0] >= 0 ? age.Numbers[0] : null;
        Sex sex = SexText.Parse(Field(fields, "sex", path).Text);
        return new EcgRecord(Path.GetFileNameWithoutExtension(path), samples, leads, SampleRate, LeadNames.Standard12, years, sex, [], [], path);
    }

    private static Mat5Array Field(IReadOnlyDictionary<string, Mat5Array> fields, string name, string path) =>
        fields.TryGetValue(name, out Mat5Array? value) ? value : throw new InvalidRecordException(path, "format", $"struct ECG has no field '{name}'");
}
