using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace EcgXai.Tests.Explain.Graph.Onnx;

/// <summary>
/// Builds small ONNX models (opset 13) with the OnnxSharp message types, so importer tests can cover ops, names, dtypes
/// and metadata that the shared fixtures do not. Weights are drawn from a seeded generator.
/// </summary>
internal sealed class OnnxModelBuilder
{
    private readonly ModelProto model = new() { IrVersion = 7, ProducerName = "ecgxai-tests" };
    private readonly GraphProto graph = new() { Name = "test" };
    private readonly DataType type;
    private readonly Random random;

    /// <summary>A model with one input <c>ecg</c> of <paramref name="dims"/> (0 = dynamic) and weights of <paramref name="type"/>.</summary>
    public OnnxModelBuilder(long[] dims, DataType type = DataType.Float, int seed = 1)
    {
        this.type = type;
        random = new Random(seed);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.Graph = graph;
        graph.Input.Add(ValueInfo("ecg", dims));
    }

    /// <summary>Name of the model input.</summary>
    public string Input => "ecg";

    /// <summary>Adds an initializer of random values (uniform in ±<paramref name="scale"/>, or in [0.5, 1.5] when <paramref name="positive"/>).</summary>
    public string Weight(string name, long[] dims, double scale = 0.5, bool positive = false)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        double[] values = Enumerable.Range(0, (int)count).Select(_ => positive ? 0.5 + random.NextDouble() : scale * (2 * random.NextDouble() - 1)).ToArray();
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.Add(dims);
        if (type == DataType.Double)
        {
            tensor.DoubleData.Add(values);
        }
        else
        {
            tensor.RawData = ByteString.CopyFrom(values.SelectMany(v => BitConverter.GetBytes((float)v)).ToArray());
        }
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 <c>Constant</c> node named <paramref name="name"/> holding a 1-D tensor; returns its output.</summary>
    public string Constant(string name, params long[] values) => Constant(name, values, scalar: false);

    /// <summary>Adds an int64 <c>Constant</c> node named <paramref name="name"/> holding a scalar; returns its output.</summary>
    public string Scalar(string name, long value) => Constant(name, [value], scalar: true);

    private string Constant(string name, long[] values, bool scalar)
    {
        var tensor = new TensorProto { DataType = (int)DataType.Int64 };
        if (!scalar)
        {
            tensor.Dims.Add(values.Length);
        }
        tensor.Int64Data.Add(values);
        var value = new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = tensor };
        return Node("Constant", name, [], value);
    }

    /// <summary>Adds node <paramref name="name"/> of <paramref name="op"/>; returns its (single) output, named <c>NAME_output_0</c>.</summary>
    public string Node(string op, string name, string[] inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(name + "_output_0");
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>Declares <paramref name="value"/> the model output <c>logits</c> of <paramref name="dims"/> by an Identity node.</summary>
    public OnnxModelBuilder Output(string value, long[] dims)
    {
        var node = new NodeProto { OpType = "Identity", Name = "/output/Identity" };
        node.Input.Add(value);
        node.Output.Add("logits");
        graph.Node.Add(node);
        graph.Output.Add(ValueInfo("logits", dims));
        return this;
    }

    /// <summary>Adds a <c>metadata_props</c> entry.</summary>
    public OnnxModelBuilder Metadata(string key, string value)
    {
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    /// <summary>Writes the model to <paramref name="path"/>; returns the path.</summary>
    public string Save(string path)
    {
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private ValueInfoProto ValueInfo(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dims.Select(d => d > 0 ? new TensorShapeProto.Types.Dimension { DimValue = d } : new TensorShapeProto.Types.Dimension { DimParam = "batch" }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }
}
