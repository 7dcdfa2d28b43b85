using EcgXai.IO;

namespace EcgXai.Models;

/// <summary>Looks a class up among a model's outputs, for the verbs that explain or evaluate one class (<c>--target</c>).</summary>
public static class ModelClasses
{
    /// <summary>
    /// The index of <paramref name="name"/> (case-insensitive) among <paramref name="classNames"/>, the outputs of the
    /// model in <paramref name="modelPath"/>; an <see cref="EcgXaiException"/> naming that file and its classes otherwise.
    /// </summary>
    public static int IndexOf(IReadOnlyList<string> classNames, string name, string modelPath)
    {
        int index = classNames.ToList().FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index
            : throw new EcgXaiException(modelPath, $"target class '{name}' is not an output of the model (its classes: {string.Join(", ", classNames)})");
    }
}
