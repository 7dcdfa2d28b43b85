using EcgXai.IO;
using PureHDF;
using PureHDF.VOL.Native;

namespace EcgXai.Signals;

/// <summary>
/// Reads HDF5 ECG records of the SPH layout (CinC 2021): one dataset <c>ecg</c>, float16 or float32/64,
/// 12 x N in millivolts, standard lead order, no attributes; the sampling rate and demographics live in
/// the dataset's <c>metadata.csv</c>, so the caller supplies the rate and fills the rest with <c>with</c>.
/// </summary>
public static class Hdf5EcgReader
{
    /// <summary>Name of the signal dataset in an SPH file.</summary>
    public const string DatasetName = "ecg";

    /// <summary>
    /// Reads <paramref name="path"/> as an <see cref="EcgRecord"/> sampled at <paramref name="sampleRate"/> Hz,
    /// with the file stem as id, unknown age and sex, and no labels.
    /// </summary>
    /// <exception cref="InvalidRecordException">The file is missing, not HDF5, corrupt, lacks the dataset, has the wrong shape, or holds non-finite values.</exception>
    public static EcgRecord Read(string path, double sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!File.Exists(path))
        {
            throw new InvalidRecordException(path, "missing", "HDF5 file not found");
        }
        int leads = LeadNames.Standard12.Count;
        float[] samples;
        try
        {
            using NativeFile file = H5File.OpenRead(path);
            if (!file.LinkExists(DatasetName))
            {
                throw new InvalidRecordException(path, "format", $"has no dataset '{DatasetName}'");
            }
            IH5Dataset dataset = file.Dataset(DatasetName);
            ulong[] dims = dataset.Space.Dimensions;
            if (dims.Length != 2 || dims[0] != (ulong)leads || dims[1] == 0 || dims[1] > int.MaxValue / (ulong)leads)
            {
                throw new InvalidRecordException(path, "shape", $"dataset '{DatasetName}' is [{string.Join(" x ", dims)}], expected 12 x N");
            }
            samples = (dataset.Type.Class, dataset.Type.Size) switch
            {
                (H5DataTypeClass.FloatingPoint, 2) => Array.ConvertAll(dataset.Read<Half[]>(), h => (float)h),
                (H5DataTypeClass.FloatingPoint, 4) => dataset.Read<float[]>(),
                (H5DataTypeClass.FloatingPoint, 8) => Array.ConvertAll(dataset.Read<double[]>(), d => (float)d),
                _ => throw new InvalidRecordException(path, "format", $"dataset '{DatasetName}' holds {dataset.Type.Class} of {dataset.Type.Size} bytes, not floating point"),
            };
        }
        catch (Exception e) when (e is not InvalidRecordException and not OutOfMemoryException)
        {
            throw new InvalidRecordException(path, "format", $"unreadable HDF5 file ({e.GetType().Name}: {e.Message})", e);
        }
        int n = samples.Length / leads;
        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new InvalidRecordException(path, "nan", $"dataset '{DatasetName}'[{i / n}, {i % n}] is {samples[i]}");
            }
        }
        return new EcgRecord(Path.GetFileNameWithoutExtension(path), samples, leads, sampleRate, LeadNames.Standard12, null, Sex.Unknown, [], [], path);
    }
}
