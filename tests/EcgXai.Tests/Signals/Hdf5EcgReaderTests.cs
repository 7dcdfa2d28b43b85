using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;
using PureHDF;

namespace EcgXai.Tests.Signals;

public class Hdf5EcgReaderTests
{
    private const string Folder = "data/cinc2021-smoke/SPH";

    [SkippableFact]
    public void EverySphFileLoadsAsTwelveLeadsInMillivolts()
    {
        string[] files = Directory.GetFiles(SharedData.Require(Folder), "*.h5");
        Assert.Equal(10, files.Length);
        foreach (string path in files)
        {
            EcgRecord record = Hdf5EcgReader.Read(path, 500);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), record.Id);
            Assert.Equal(12, record.LeadCount);
            Assert.Equal(LeadNames.Standard12, record.Leads);
            Assert.Equal(500, record.SampleRate);
            Assert.InRange(record.DurationSeconds, 5, 120);
            Assert.InRange(record.Samples.Max(Math.Abs), 0.1f, 40f);
        }
    }

    [SkippableFact]
    public void EinthovenLeadIIIIsIIMinusIWithinQuantisationAndFloat16Rounding()
    {
        EcgRecord record = Hdf5EcgReader.Read(Path.Combine(SharedData.Require(Folder), "SPH00001.h5"), 500);
        ReadOnlySpan<float> i = record.Lead(0), ii = record.Lead(1), iii = record.Lead(2);
        double worst = 0;
        for (int t = 0; t < iii.Length; t++)
        {
            // Up to 2.5 source steps of about 1 uV, plus half a float16 step (2^-11 relative) on each of the three values.
            double tolerance = 2.5e-3 + Math.Pow(2, -11) * (Math.Abs(i[t]) + Math.Abs(ii[t]) + Math.Abs(iii[t]));
            worst = Math.Max(worst, Math.Abs(iii[t] - (ii[t] - i[t])) / tolerance);
        }
        Assert.True(worst <= 1, $"|III - (II - I)| reaches {worst} times the tolerance");
    }

    [SkippableFact]
    public void TruncatedFileIsRefused()
    {
        using var dir = new TempDir();
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.Require(Folder), "SPH00001.h5"));
        string path = dir.File("SPH00001.h5");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertInvalid(path, "format", "unreadable HDF5 file");
    }

    [Fact]
    public void FileThatIsNotHdf5IsRefused()
    {
        using var dir = new TempDir();
        string path = dir.File("x.h5");
        File.WriteAllBytes(path, new byte[4096]);
        AssertInvalid(path, "format", "unreadable HDF5 file");
    }

    [Fact]
    public void MissingDatasetWrongShapeAndNaNAreRefused()
    {
        using var dir = new TempDir();
        string other = dir.File("other.h5");
        new H5File { ["signal"] = new float[12, 10] }.Write(other);
        AssertInvalid(other, "format", "no dataset 'ecg'");

        string shape = dir.File("shape.h5");
        new H5File { ["ecg"] = new float[8, 10] }.Write(shape);
        AssertInvalid(shape, "shape", "[8 x 10], expected 12 x N");

        var values = new float[12, 10];
        values[3, 7] = float.NaN;
        string nan = dir.File("nan.h5");
        new H5File { ["ecg"] = values }.Write(nan);
        AssertInvalid(nan, "nan", "'ecg'[3, 7] is NaN");

        values[3, 7] = 1.5f;
        string fine = dir.File("fine.h5");
        new H5File { ["ecg"] = values }.Write(fine);
        EcgRecord ok = Hdf5EcgReader.Read(fine, 250);
        Assert.Equal(1.5f, ok.Lead(3)[7]);
        Assert.Equal(250, ok.SampleRate);
    }

    private static void AssertInvalid(string path, string reason, string problem)
    {
        var e = Assert.Throws<InvalidRecordException>(() => Hdf5EcgReader.Read(path, 500));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(problem, e.Message);
    }
}
