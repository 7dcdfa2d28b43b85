using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>
/// A teacher's probabilities on the training records, computed once and cached as safetensors (tensor
/// <c>probabilities</c>, <c>[records, classes]</c>) with a key naming teacher file, data and classes; a cache whose key
/// differs is recomputed.
/// </summary>
public static class TeacherPredictions
{
    private const string KeyName = "ecgxai.teacher_predictions";
    private const string TensorName = "probabilities";

    /// <summary>
    /// Returns the probabilities of <paramref name="teacher"/> for the student's <paramref name="classNames"/> on every row of
    /// <paramref name="data"/> (prepared for the teacher's input), from <paramref name="cachePath"/> when it holds them.
    /// </summary>
    public static float[] LoadOrCompute(string cachePath, ITeacher teacher, IReadOnlyList<string> classNames, PreparedDataset data, int batchSize, Device device, CancellationToken cancellation = default)
    {
        var teacherFile = new FileInfo(teacher.Source);
        string key = JsonSerializer.Serialize(new
        {
            teacher = teacherFile.FullName,
            bytes = teacherFile.Length,
            modified = teacherFile.LastWriteTimeUtc.Ticks,
            data = data.Name,
            records = data.Count,
            first = data.RecordIds.FirstOrDefault(),
            last = data.RecordIds.LastOrDefault(),
            classes = classNames,
        });
        if (File.Exists(cachePath))
        {
            var (tensors, metadata) = SafeTensors.Read(cachePath);
            try
            {
                if (metadata.GetValueOrDefault(KeyName) == key && tensors.TryGetValue(TensorName, out Tensor? cached))
                {
                    return cached.data<float>().ToArray();
                }
            }
            finally
            {
                foreach (Tensor t in tensors.Values)
                {
                    t.Dispose();
                }
            }
        }
        int[] columns = TeacherLoader.ColumnsFor(teacher, classNames);
        using Tensor index = tensor(columns.Select(c => (long)c).ToArray(), device: device);
        float[] probabilities = BatchInference.Run(data, batchSize, device, x => teacher.Predict(x).index_select(1, index), cancellation);
        using Tensor result = tensor(probabilities, [data.Count, classNames.Count]);
        SafeTensors.Write(cachePath, [new(TensorName, result)], new Dictionary<string, string> { [KeyName] = key });
        return probabilities;
    }
}
