using EcgXai.Signals;

namespace EcgXai.Reports;

/// <summary>
/// Reads a single record file for plotting, by its kind: a WFDB record (path without extension, its <c>.hea</c>, or
/// a CinC <c>.mat</c> with a header beside it), an original CPSC-2018 MATLAB 5 <c>.mat</c> (no header beside it),
/// or an SPH HDF5 <c>.h5</c> (whose rate the caller gives, as SPH keeps it in its metadata).
/// </summary>
public static class PlotSource
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="hdf5SampleRate"/> is used only for <c>.h5</c> files.</summary>
    /// <exception cref="IO.InvalidRecordException">The record is missing, damaged or inconsistent.</exception>
    public static EcgRecord Read(string path, double hdf5SampleRate)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".h5", StringComparison.OrdinalIgnoreCase))
        {
            return Hdf5EcgReader.Read(path, hdf5SampleRate);
        }
        if (extension.Equals(".mat", StringComparison.OrdinalIgnoreCase) && !File.Exists(Path.ChangeExtension(path, ".hea")))
        {
            return Mat5EcgReader.Read(path);
        }
        return WfdbRecordReader.Read(extension.Equals(".mat", StringComparison.OrdinalIgnoreCase) ? Path.ChangeExtension(path, null) : path);
    }
}
