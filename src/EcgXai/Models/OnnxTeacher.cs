using EcgXai.IO;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// A teacher exported to ONNX (e.g. by <c>torch.onnx.export</c> or <c>tf2onnx</c>), run on the CPU with ONNX Runtime.
/// The model must have one float32 input of rank 3, channels-first <c>(batch, leads, samples)</c> or channels-last
/// <c>(batch, samples, leads)</c> as Keras models are (told apart by the larger static dimension being the time axis),
/// and a float32 output <c>(batch, classes)</c>.
/// </summary>
public sealed class OnnxTeacher : ITeacher
{
    /// <summary>Custom ONNX metadata key holding comma-separated class names.</summary>
    public const string ClassNamesMetadataKey = "class_names";

    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly string outputName;
    private readonly bool channelsLast;
    private readonly TeacherOutput output;

    /// <summary>Opens <paramref name="path"/> and checks its inputs and outputs against <paramref name="options"/>.</summary>
    public OnnxTeacher(string path, TeacherOptions options)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "ONNX teacher not found");
        }
        try
        {
            session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EcgXaiException(path, "not a loadable ONNX model: " + e.Message, e);
        }
        try
        {
            Source = path;
            output = options.Output;
            (inputName, channelsLast, LeadCount, InputLength) = ReadInput(path, session.InputMetadata);
            (outputName, int? width) = ReadOutput(path, session.OutputMetadata, options.OutputName);
            ClassNames = ResolveClassNames(path, options.ClassNames, session.ModelMetadata.CustomMetadataMap, width);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int LeadCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<string>? LeadNames => null;

    /// <inheritdoc />
    public int? InputLength { get; }

    /// <inheritdoc />
    public Tensor Predict(Tensor batch)
    {
        TeacherInput.Check(Source, batch, LeadCount, InputLength);
        using var scope = NewDisposeScope();
        Tensor input = batch.to(ScalarType.Float32).cpu();
        if (channelsLast)
        {
            input = input.transpose(1, 2);
        }
        input = input.contiguous();
        float[] data = input.data<float>().ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(data, input.shape);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = session.Run(runOptions, [inputName], [value], [outputName]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EcgXaiException(Source, $"running the model on input ({string.Join(", ", input.shape)}) failed: {e.Message}", e);
        }
        using var _ = results;
        long[] shape = results[0].GetTensorTypeAndShape().Shape;
        if (shape.Length != 2 || shape[0] != batch.shape[0] || shape[1] != ClassNames.Count)
        {
            throw new EcgXaiException(Source, $"output '{outputName}' has shape ({string.Join(", ", shape)}) for a batch of {batch.shape[0]}, expected ({batch.shape[0]}, {ClassNames.Count}) for classes {string.Join(",", ClassNames)}");
        }
        Tensor result = tensor(results[0].GetTensorDataAsSpan<float>().ToArray(), shape);
        if (output == TeacherOutput.Logits)
        {
            result = sigmoid(result);
        }
        return result.to(batch.device).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static (string Name, bool ChannelsLast, int Leads, int? Length) ReadInput(string path, IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        if (inputs.Count != 1)
        {
            throw new EcgXaiException(path, $"a teacher needs exactly one input, the model has {inputs.Count}: {Describe(inputs)}");
        }
        var (name, meta) = inputs.First();
        if (!meta.IsTensor || meta.ElementType != typeof(float) || meta.Dimensions.Length != 3)
        {
            throw new EcgXaiException(path, $"input {Describe(inputs)} must be a float32 tensor (batch, leads, samples) or (batch, samples, leads)");
        }
        int d1 = meta.Dimensions[1], d2 = meta.Dimensions[2];
        return (d1 > 0, d2 > 0) switch
        {
            (true, true) => (name, d1 > d2, Math.Min(d1, d2), Math.Max(d1, d2)),
            (true, false) => (name, false, d1, null),
            (false, true) => (name, true, d2, null),
            _ => throw new EcgXaiException(path, $"input {Describe(inputs)} has no fixed lead dimension"),
        };
    }

    private static (string Name, int? Width) ReadOutput(string path, IReadOnlyDictionary<string, NodeMetadata> outputs, string? requested)
    {
        string name = requested ?? (outputs.Count == 1 ? outputs.Keys.First()
            : throw new EcgXaiException(path, $"the model has {outputs.Count} outputs ({Describe(outputs)}); name the one to use"));
        if (!outputs.TryGetValue(name, out NodeMetadata? meta))
        {
            throw new EcgXaiException(path, $"the model has no output '{name}' (outputs: {Describe(outputs)})");
        }
        if (!meta.IsTensor || meta.ElementType != typeof(float) || meta.Dimensions.Length != 2)
        {
            throw new EcgXaiException(path, $"output '{name}' must be a float32 tensor (batch, classes), it is {Describe(outputs)}");
        }
        return (name, meta.Dimensions[1] > 0 ? meta.Dimensions[1] : null);
    }

    private static IReadOnlyList<string> ResolveClassNames(string path, IReadOnlyList<string>? given, IReadOnlyDictionary<string, string> metadata, int? width)
    {
        IReadOnlyList<string>? names = given
            ?? (metadata.TryGetValue(ClassNamesMetadataKey, out string? text) ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null)
            ?? (width == ResNet1dConfig.DefaultClasses.Count ? ResNet1dConfig.DefaultClasses : null);
        if (names is null)
        {
            throw new EcgXaiException(path, $"the teacher has {width?.ToString() ?? "a dynamic number of"} outputs and no '{ClassNamesMetadataKey}' metadata: name its output classes");
        }
        if (width is int w && names.Count != w)
        {
            throw new EcgXaiException(path, $"{names.Count} class names ({string.Join(",", names)}) for {w} outputs");
        }
        return names;
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(n => $"'{n.Key}' {(n.Value.IsTensor ? n.Value.ElementType.Name : n.Value.OnnxValueType.ToString())} ({string.Join(", ", n.Value.Dimensions.Select(d => d > 0 ? d.ToString() : "?"))})"));
}
