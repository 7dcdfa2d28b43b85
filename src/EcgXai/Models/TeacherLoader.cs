using EcgXai.IO;

namespace EcgXai.Models;

/// <summary>Opens a teacher by file type: <c>.onnx</c> → <see cref="OnnxTeacher"/>, otherwise an EcgXai checkpoint (<see cref="CheckpointTeacher"/>).</summary>
public static class TeacherLoader
{
    /// <summary>Loads the teacher at <paramref name="path"/>.</summary>
    public static ITeacher Load(string path, TeacherOptions options)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "teacher not found");
        }
        return Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase)
            ? new OnnxTeacher(path, options)
            : new CheckpointTeacher(path, options.ClassNames, options.Device);
    }

    /// <summary>
    /// Indices of <paramref name="classNames"/> among the teacher's outputs, so a student with those classes can learn
    /// from the matching columns; throws naming the teacher when one is missing.
    /// </summary>
    public static int[] ColumnsFor(ITeacher teacher, IReadOnlyList<string> classNames) =>
        classNames.Select(name =>
        {
            int index = teacher.ClassNames.ToList().FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index
                : throw new EcgXaiException(teacher.Source, $"the teacher has no output for class '{name}' (its classes: {string.Join(",", teacher.ClassNames)})");
        }).ToArray();
}
