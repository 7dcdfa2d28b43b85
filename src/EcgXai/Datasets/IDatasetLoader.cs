using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>Reads one dataset layout: its index (labels, demographics, files) and its records.</summary>
public interface IDatasetLoader
{
    /// <summary>Indexes the dataset in <paramref name="root"/>; <paramref name="targetRate"/> lets a loader choose between stored rates (PTB-XL 100/500 Hz).</summary>
    DatasetIndexContent Index(string root, double? targetRate);

    /// <summary>Reads the signal of <paramref name="entry"/>, described with the entry's labels and demographics.</summary>
    /// <exception cref="IO.InvalidRecordException">The record is missing, damaged or inconsistent.</exception>
    EcgRecord Read(DatasetEntry entry);
}
