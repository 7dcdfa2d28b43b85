using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>Checks a batch against the input a teacher expects.</summary>
public static class TeacherInput
{
    /// <summary>
    /// Throws <see cref="EcgXaiException"/> naming <paramref name="source"/> unless <paramref name="batch"/> is
    /// <c>(batch, leadCount, inputLength)</c> (any length when <paramref name="inputLength"/> is null).
    /// </summary>
    public static void Check(string source, Tensor batch, int leadCount, int? inputLength)
    {
        long[] shape = batch.shape;
        if (shape.Length != 3 || shape[1] != leadCount || (inputLength is int length && shape[2] != length))
        {
            throw new EcgXaiException(source, $"the teacher expects input (batch, {leadCount}, {inputLength?.ToString() ?? "any"}) but the data give ({string.Join(", ", shape)})");
        }
    }
}
