using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EcgXai.IO;

namespace EcgXai.Signals;

/// <summary>
/// Writes an <see cref="EcgRecord"/> as a WFDB record: <c>NAME.dat</c> in format 16 (interleaved little-endian int16,
/// baseline 0) and <c>NAME.hea</c> with the initial value and checksum of each signal. Samples are rounded to the
/// nearest ADC unit; values outside ±32767 units or not finite are refused. Both files are written atomically, the
/// header last, so a reader never sees a header without its complete signal file.
/// </summary>
public static class WfdbWriter
{
    /// <summary>Writes <paramref name="record"/> to <paramref name="recordPath"/> (a path without extension) and returns the header path.</summary>
    public static string Write(string recordPath, EcgRecord record, WfdbWriteOptions options)
    {
        string name = Path.GetFileName(recordPath);
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{recordPath}' is not a valid WFDB record name", nameof(recordPath));
        }
        int leads = record.LeadCount;
        int n = record.SampleCount;
        var data = new byte[2 * leads * n];
        var first = new short[leads];
        var sums = new int[leads];
        for (int lead = 0; lead < leads; lead++)
        {
            ReadOnlySpan<float> x = record.Lead(lead);
            for (int t = 0; t < n; t++)
            {
                double units = Math.Round(x[t] * options.Gain);
                if (!(Math.Abs(units) <= short.MaxValue))
                {
                    throw new EcgXaiException(recordPath, $"lead {record.Leads[lead]} sample {t} ({x[t]} mV) does not fit format 16 at gain {options.Gain}/mV");
                }
                short v = (short)units;
                if (t == 0)
                {
                    first[lead] = v;
                }
                sums[lead] += v;
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * ((t * leads) + lead)), v);
            }
        }

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"{name} {leads} {Format(record.SampleRate)} {n}\n");
        string gain = options.DecimalGainWithBaseline
            ? options.Gain.ToString("0.0##########", CultureInfo.InvariantCulture) + "(0)"
            : Format(options.Gain);
        for (int lead = 0; lead < leads; lead++)
        {
            int checksum = options.UnsignedChecksums ? (ushort)sums[lead] : (short)sums[lead];
            string leadName = options.UpperCaseLeadNames ? record.Leads[lead].ToUpperInvariant() : record.Leads[lead];
            header.Append(CultureInfo.InvariantCulture, $"{name}.dat 16 {gain}/mV 16 0 {first[lead]} {checksum} 0 {leadName}\n");
        }
        if (options.WriteDemographics)
        {
            header.Append(CultureInfo.InvariantCulture, $"#Age: {(record.Age is double age ? Format(age) : "Unknown")}\n");
            header.Append(CultureInfo.InvariantCulture, $"#Sex: {(record.Sex == Sex.Unknown ? "Unknown" : record.Sex.ToString())}\n");
            header.Append(CultureInfo.InvariantCulture, $"#Dx: {string.Join(',', record.SourceLabels)}\n");
        }
        AtomicFile.WriteBytes(recordPath + ".dat", data);
        string headerPath = recordPath + ".hea";
        AtomicFile.WriteText(headerPath, header.ToString());
        return headerPath;
    }

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
