using EcgXai.IO;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace EcgXai.Explain.Graph.Onnx;

/// <summary>
/// Imports an ONNX model (as <c>torch.onnx.export</c> writes a 1-D CNN) into a <see cref="ModelGraph"/> built from plain
/// tensors: initializers and <c>Constant</c> values keep their dtype (float32 or float64), nodes are named by their
/// PyTorch module path (<see cref="OnnxNodeNames"/>), metadata comes from <see cref="OnnxMetadata"/>.
/// </summary>
/// <remarks>
/// Ops (<see cref="SupportedOps"/>): <c>Conv</c> with a 1-D kernel (groups 1, symmetric padding) → Conv1d,
/// <c>BatchNormalization</c> → BatchNorm1d, <c>Relu</c>, <c>MaxPool</c> / <c>AveragePool</c> (1-D, floor mode) and
/// <c>GlobalMaxPool</c> / <c>GlobalAveragePool</c> → pools over the whole length, <c>Add</c> and <c>Sum</c> of computed
/// tensors → Add, <c>Concat</c> on the channel axis, <c>Flatten</c> and <c>Reshape</c> of each record to one axis →
/// Flatten, <c>Gemm</c> and <c>MatMul</c> (with the <c>Add</c> of a constant bias that follows it) → Linear,
/// <c>Dropout</c> and <c>Identity</c> → Identity. zennit's stacked sum — <c>Unsqueeze</c>s of the summands on a new axis,
/// <c>Concat</c> on it, <c>ReduceSum</c> over it without keeping it — becomes one Add node named after the
/// <c>ReduceSum</c> (<c>/blocks.0/sum/ReduceSum</c> → <c>blocks.0.sum</c>). Integer shape arithmetic of constants
/// (<c>Shape</c>, <c>Gather</c>, <c>Unsqueeze</c>, <c>Concat</c>: a flatten for a dynamic batch) is evaluated at import
/// (<see cref="OnnxShapeFolding"/>). Any other op is refused naming the node, its op type and the supported ops.
/// </remarks>
public sealed class OnnxImporter
{
    /// <summary>The ONNX op types the importer maps to graph nodes (Unsqueeze and ReduceSum only inside a stacked sum).</summary>
    public static readonly IReadOnlyList<string> SupportedOps =
    [
        "Conv", "BatchNormalization", "Relu", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Add", "Sum",
        "Concat", "Flatten", "Reshape", "Gemm", "MatMul", "Dropout", "Identity", "Constant",
        "Unsqueeze + Concat + ReduceSum (stacked sum)", "Shape, Gather, Unsqueeze, Concat of constants (shape arithmetic)",
    ];

    private readonly string path;
    private readonly GraphProto onnx;
    private readonly Dictionary<string, Tensor> constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> nodeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> producer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> readers = new(StringComparer.Ordinal);
    private readonly Dictionary<NodeProto, NodeProto> biasOf = [];
    private readonly Dictionary<NodeProto, NodeProto[]> stackOf = [];
    private readonly HashSet<NodeProto> absorbed = [];
    private readonly HashSet<NodeProto> folded = [];
    private readonly GraphBuilder builder;
    private readonly Device device;

    private OnnxImporter(string path, GraphProto onnx, ModelLoadOptions options)
    {
        this.path = path;
        this.onnx = onnx;
        device = options.Device ?? TorchDevice.Resolve();
        foreach (TensorProto initializer in onnx.Initializer)
        {
            constants[initializer.Name] = OnDevice(OnnxTensors.ToTensor(initializer, path));
        }
        var (input, leads, length) = GraphInput(options);
        builder = new GraphBuilder(input, [leads, length]);
        nodeOf[input] = input;
        foreach (NodeProto node in onnx.Node)
        {
            foreach (string output in node.Output.Where(o => o.Length > 0))
            {
                producer[output] = node;
            }
            foreach (string value in node.Input.Where(i => i.Length > 0))
            {
                readers[value] = readers.GetValueOrDefault(value) + 1;
            }
        }
        foreach (ValueInfoProto output in onnx.Output)
        {
            readers[output.Name] = readers.GetValueOrDefault(output.Name) + 1;
        }
        FindFusions();
    }

    /// <summary>
    /// Reads the ONNX file at <paramref name="path"/> and returns its graph (which owns its tensors) on the options' device,
    /// with metadata from the file, a <c>config.json</c> beside it or <paramref name="options"/>. Throws <see cref="EcgXaiException"/> naming
    /// the file for a missing or unreadable file, an unsupported op or layout, or metadata that does not fit the model.
    /// </summary>
    public static ModelGraph Import(string path, ModelLoadOptions? options = null)
    {
        options ??= new ModelLoadOptions();
        ModelProto model = Parse(path);
        using var scope = NewDisposeScope();
        try
        {
            var importer = new OnnxImporter(path, model.Graph, options);
            string output = importer.Translate();
            IReadOnlyList<long> inputShape = importer.builder.ShapeOf(importer.builder.Input);
            long[] outputShape = importer.builder.ShapeOf(output);
            if (outputShape.Length != 1)
            {
                throw new EcgXaiException(path, $"the output '{model.Graph.Output[0].Name}' must be (batch, classes), it is (batch, {string.Join(", ", outputShape)})");
            }
            GraphMetadata metadata = OnnxMetadata.Resolve(path, model, options, (int)inputShape[0], (int)outputShape[0]);
            ModelGraph graph = importer.builder.Build(output, ownsTensors: true, metadata);
            foreach (Tensor t in graph.Nodes.SelectMany(n => n.Tensors))
            {
                t.MoveToOuterDisposeScope();
            }
            return graph;
        }
        catch (ArgumentException e)
        {
            throw new EcgXaiException(path, e.Message, e);
        }
    }

    private static ModelProto Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "ONNX model not found");
        }
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EcgXaiException(path, "not an ONNX model (the protobuf does not parse): " + e.Message, e);
        }
        return model.Graph is { } graph && graph.Node.Count > 0 ? model
            : throw new EcgXaiException(path, "not an ONNX model: it has no graph nodes");
    }

    private (string Name, long Leads, long Length) GraphInput(ModelLoadOptions options)
    {
        ValueInfoProto[] inputs = onnx.Input.Where(i => !constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
        {
            throw new EcgXaiException(path, $"a model to explain needs exactly one input, this one has {inputs.Length} ({string.Join(", ", inputs.Select(i => i.Name))})");
        }
        ValueInfoProto input = inputs[0];
        var type = (TensorProto.Types.DataType)(input.Type?.TensorType?.ElemType ?? 0);
        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (type is not (TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Double) || dims is null || dims.Count != 3 || dims[1].DimValue <= 0)
        {
            throw new EcgXaiException(path, $"input '{input.Name}' must be a float32 or float64 tensor (batch, leads, samples) with a fixed number of leads, it is {type} ({(dims is null ? "no shape" : string.Join(", ", dims.Select(d => d.DimValue > 0 ? d.DimValue.ToString() : d.DimParam)))})");
        }
        long length = dims[2].DimValue > 0 ? dims[2].DimValue : options.InputLength
            ?? throw new EcgXaiException(path, $"input '{input.Name}' has a dynamic length ('{dims[2].DimParam}'): give the input length in samples");
        if (options.InputLength is int asked && asked != length)
        {
            throw new EcgXaiException(path, $"input '{input.Name}' has {length} samples, the options ask for {asked}");
        }
        if (onnx.Output.Count != 1)
        {
            throw new EcgXaiException(path, $"a model to explain needs exactly one output (logits), this one has {onnx.Output.Count} ({string.Join(", ", onnx.Output.Select(o => o.Name))})");
        }
        return (input.Name, dims[1].DimValue, length);
    }

    /// <summary>
    /// Finds the shape arithmetic evaluated at import (<see cref="OnnxShapeFolding"/>), the stacked sums (Unsqueezes +
    /// Concat + ReduceSum) and the MatMul + Add pairs, which become one node each.
    /// </summary>
    private void FindFusions()
    {
        foreach (NodeProto node in onnx.Node)
        {
            if (node.Domain.Length == 0 && OnnxShapeFolding.Ops.Contains(node.OpType)
                && (node.OpType == "Shape" || node.Input.All(i => i.Length == 0 || IsConstant(i))))
            {
                folded.Add(node);
                continue;
            }
            if (node.OpType == "ReduceSum" && Single(node.Input[0], "Concat") is { } concat
                && concat.Input.Select(i => Single(i, "Unsqueeze")).ToArray() is var unsqueezes && unsqueezes.All(u => u is not null))
            {
                stackOf[node] = unsqueezes!;
                absorbed.Add(concat);
                absorbed.UnionWith(unsqueezes!);
            }
            if (node.OpType == "Add" && node.Input.Count == 2)
            {
                int c = IsConstant(node.Input[1]) ? 1 : 0;
                if (Single(node.Input[1 - c], "MatMul") is { } matmul && IsConstant(node.Input[c]))
                {
                    biasOf[matmul] = node;
                    absorbed.Add(node);
                }
            }
        }
    }

    /// <summary>True when <paramref name="value"/> is known at import: an initializer, a Constant, or folded shape arithmetic.</summary>
    private bool IsConstant(string value) =>
        constants.ContainsKey(value) || (producer.TryGetValue(value, out NodeProto? node) && (node.OpType == "Constant" || folded.Contains(node)));

    /// <summary>The node of <paramref name="op"/> producing <paramref name="value"/> when the value has no other reader.</summary>
    private NodeProto? Single(string value, string op) =>
        producer.TryGetValue(value, out NodeProto? node) && node.OpType == op && readers.GetValueOrDefault(value) == 1 && node.Output.Count(o => o.Length > 0) == 1 ? node : null;

    /// <summary>Adds a graph node for every ONNX node that makes one, in order; returns the output node's name.</summary>
    private string Translate()
    {
        IReadOnlyDictionary<NodeProto, string> names = Names();
        foreach (NodeProto node in onnx.Node.Where(n => !absorbed.Contains(n)))
        {
            if (node.OpType == "Constant" && node.Domain.Length == 0)
            {
                constants[node.Output[0]] = OnDevice(ConstantValue(node));
                continue;
            }
            if (folded.Contains(node))
            {
                constants[node.Output[0]] = OnnxShapeFolding.Fold(node, i => Const(node, i), i => builder.ShapeOf(In(node, i)));
                continue;
            }
            string name = builder.Add(Map(node, names[node]));
            nodeOf[node.Output[0]] = name;
            if (biasOf.TryGetValue(node, out NodeProto? add))
            {
                nodeOf[add.Output[0]] = name;
            }
        }
        return nodeOf.TryGetValue(onnx.Output[0].Name, out string? output) && output != builder.Input ? output
            : throw new EcgXaiException(path, $"the output '{onnx.Output[0].Name}' is not computed from the input by supported ops");
    }

    /// <summary>
    /// Graph node names: the module path when exactly one graph-making node has it and no other node's path lies inside
    /// it; otherwise the path with the op part (<see cref="OnnxNodeNames.Qualified"/>), or <c>OP_INDEX</c> for an unnamed node.
    /// </summary>
    private Dictionary<NodeProto, string> Names()
    {
        NodeProto[] makers = onnx.Node.Where(n => !absorbed.Contains(n) && !folded.Contains(n) && n.OpType != "Constant").ToArray();
        string?[] paths = makers.Select(n => OnnxNodeNames.ModulePath(n.Name)).ToArray();
        var count = paths.OfType<string>().CountBy(p => p, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var names = new Dictionary<NodeProto, string>();
        for (int i = 0; i < makers.Length; i++)
        {
            string? p = paths[i];
            bool unique = p is not null && count[p] == 1 && !paths.Any(q => q is not null && q.StartsWith(p + ".", StringComparison.Ordinal));
            names[makers[i]] = unique ? p! : makers[i].Name.Length > 0 ? OnnxNodeNames.Qualified(makers[i].Name) : $"{makers[i].OpType}_{onnx.Node.IndexOf(makers[i])}";
        }
        return names;
    }

    private GraphNode Map(NodeProto node, string name)
    {
        if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
        {
            throw Unsupported(node, $"op domain '{node.Domain}'");
        }
        return node.OpType switch
        {
            "Conv" => Conv(node, name),
            "BatchNormalization" => BatchNorm(node, name),
            "Relu" => new ReluNode(name, In(node, 0)),
            "MaxPool" or "AveragePool" => Pool(node, name),
            "GlobalAveragePool" => new AvgPool1dNode(name, In(node, 0), null),
            "GlobalMaxPool" => new MaxPool1dNode(name, In(node, 0), null),
            "Add" or "Sum" => Sum(name, node.Input.Select((_, i) => In(node, i)).ToArray()),
            "Concat" => Concat(node, name),
            "Flatten" => Flatten(node, name),
            "Reshape" => Reshape(node, name),
            "Gemm" => Gemm(node, name),
            "MatMul" => MatMul(node, name),
            "Dropout" or "Identity" => Single(node, new IdentityNode(name, In(node, 0))),
            "ReduceSum" when stackOf.ContainsKey(node) => StackedSum(node, name),
            "Unsqueeze" or "ReduceSum" => throw Unsupported(node, "outside a stacked sum (Unsqueezes on a new axis, Concat on it, ReduceSum over it)"),
            _ => throw Unsupported(node, null),
        };
    }

    private Conv1dNode Conv(NodeProto node, string name)
    {
        Tensor weight = Const(node, 1);
        if (weight.dim() != 3)
        {
            throw Unsupported(node, $"a weight of shape [{string.Join(", ", weight.shape)}]: only 1-D convolutions (out, in, kernel) are supported");
        }
        if (OnnxAttributes.Int(node, "group", 1) != 1)
        {
            throw Unsupported(node, $"group {OnnxAttributes.Int(node, "group", 1)}: only groups = 1 is supported");
        }
        CheckKernel(node, weight.shape[2]);
        return new Conv1dNode(name, In(node, 0), weight, Optional(node, 2), Window(node, "strides"), Padding(node), Window(node, "dilations"));
    }

    private BatchNorm1dNode BatchNorm(NodeProto node, string name)
    {
        if (OnnxAttributes.Int(node, "training_mode", 0) != 0)
        {
            throw Unsupported(node, "training_mode 1: only inference BatchNorm is supported");
        }
        return Single(node, new BatchNorm1dNode(name, In(node, 0), Const(node, 3), Const(node, 4), Const(node, 1), Const(node, 2),
            OnnxAttributes.Float(node, "epsilon", 1e-5)));
    }

    private GraphNode Pool(NodeProto node, string name)
    {
        long[] kernel = OnnxAttributes.Ints(node, "kernel_shape") ?? throw Unsupported(node, "no kernel_shape");
        if (kernel.Length != 1)
        {
            throw Unsupported(node, $"a {kernel.Length}-D window: only 1-D pooling is supported");
        }
        if (OnnxAttributes.Int(node, "ceil_mode", 0) != 0 || Window(node, "dilations") != 1)
        {
            throw Unsupported(node, "ceil_mode or dilations: only floor mode without dilation is supported");
        }
        long padding = Padding(node);
        if (node.OpType == "AveragePool")
        {
            if (padding > 0 && OnnxAttributes.Int(node, "count_include_pad", 0) == 0)
            {
                throw Unsupported(node, "padding excluded from the average (count_include_pad 0): only PyTorch's default, padding counted, is supported");
            }
            return new AvgPool1dNode(name, In(node, 0), kernel[0], Window(node, "strides"), padding);
        }
        return Single(node, new MaxPool1dNode(name, In(node, 0), kernel[0], Window(node, "strides"), padding));
    }

    private static GraphNode Sum(string name, string[] inputs) =>
        inputs.Length == 1 ? new IdentityNode(name, inputs[0]) : new AddNode(name, inputs);

    private ConcatNode Concat(NodeProto node, string name)
    {
        string[] inputs = node.Input.Select((_, i) => In(node, i)).ToArray();
        long axis = OnnxAttributes.Int(node, "axis", 1);
        int rank = builder.ShapeOf(inputs[0]).Length + 1;
        return Axis(axis, rank) == 1 ? new ConcatNode(name, inputs)
            : throw Unsupported(node, $"axis {axis}: only the channel axis 1 is supported (or a stacked sum)");
    }

    private FlattenNode Flatten(NodeProto node, string name)
    {
        string input = In(node, 0);
        long axis = OnnxAttributes.Int(node, "axis", 1);
        return Axis(axis, builder.ShapeOf(input).Length + 1) == 1 ? new FlattenNode(name, input)
            : throw Unsupported(node, $"axis {axis}: only flattening each record (axis 1) is supported");
    }

    private FlattenNode Reshape(NodeProto node, string name)
    {
        string input = In(node, 0);
        long[] shape = Const(node, 1).data<long>().ToArray();
        long features = builder.ShapeOf(input).Aggregate(1L, (a, b) => a * b);
        bool flat = shape.Length == 2 && shape[0] >= -1 && (shape[1] == features || (shape[1] == -1 && shape[0] != -1));
        return flat ? new FlattenNode(name, input)
            : throw Unsupported(node, $"target shape ({string.Join(", ", shape)}): only a reshape of each record to one axis (batch, {features}) is supported");
    }

    private LinearNode Gemm(NodeProto node, string name)
    {
        if (OnnxAttributes.Int(node, "transA", 0) != 0)
        {
            throw Unsupported(node, "transA 1: only (batch, features) inputs are supported");
        }
        Tensor weight = Const(node, 1);
        if (OnnxAttributes.Int(node, "transB", 0) == 0)
        {
            weight = weight.t().contiguous();
        }
        double alpha = OnnxAttributes.Float(node, "alpha", 1), beta = OnnxAttributes.Float(node, "beta", 1);
        if (alpha != 1)
        {
            weight = weight.mul(alpha);
        }
        Tensor? bias = Optional(node, 2) is { } c ? Bias(node, c, weight.shape[0]) : null;
        if (bias is not null && beta != 1)
        {
            bias = bias.mul(beta);
        }
        return new LinearNode(name, In(node, 0), weight, bias);
    }

    private LinearNode MatMul(NodeProto node, string name)
    {
        Tensor b = Const(node, 1);
        if (b.dim() != 2)
        {
            throw Unsupported(node, $"a right operand of shape [{string.Join(", ", b.shape)}]: only a (features, outputs) matrix is supported");
        }
        Tensor weight = b.t().contiguous();
        Tensor? bias = null;
        if (biasOf.TryGetValue(node, out NodeProto? add))
        {
            string constant = add.Input.First(i => i != node.Output[0]);
            bias = Bias(add, constants.TryGetValue(constant, out Tensor? c) ? c : OnDevice(ConstantValue(producer[constant])), weight.shape[0]);
        }
        return new LinearNode(name, In(node, 0), weight, bias);
    }

    private GraphNode StackedSum(NodeProto reduce, string name)
    {
        NodeProto[] unsqueezes = stackOf[reduce];
        string[] summands = unsqueezes.Select(u => In(u, 0)).ToArray();
        int rank = builder.ShapeOf(summands[0]).Length + 2;
        NodeProto concat = producer[reduce.Input[0]];
        long[][] unsqueezed = unsqueezes.Select(Axes).ToArray();
        long[] summed = Axes(reduce);
        long[] axes = [.. unsqueezed.Select(a => Axis(a[0], rank)), Axis(OnnxAttributes.Int(concat, "axis", 0), rank), Axis(summed[0], rank)];
        if (unsqueezed.Any(a => a.Length != 1) || summed.Length != 1 || axes.Distinct().Count() != 1 || OnnxAttributes.Int(reduce, "keepdims", 1) != 0)
        {
            throw Unsupported(reduce, "a stack and sum over different or several axes, or keepdims 1: a stacked sum needs Unsqueezes, Concat and ReduceSum over one new axis, keepdims 0");
        }
        return Sum(name, summands);
    }

    /// <summary>A floating-point constant moved to the graph's device (integer constants, read as shapes and axes, stay on the CPU).</summary>
    private Tensor OnDevice(Tensor t) => t.is_floating_point() ? t.to(device) : t;

    /// <summary>The axes of an Unsqueeze or ReduceSum: the <c>axes</c> attribute (opset &lt; 13) or the constant second input.</summary>
    private long[] Axes(NodeProto node) =>
        OnnxAttributes.Ints(node, "axes") ?? (node.Input.Count > 1 ? Const(node, 1).data<long>().ToArray() : throw Unsupported(node, "no axes"));

    private static long Axis(long axis, int rank) => axis < 0 ? axis + rank : axis;

    private Tensor Bias(NodeProto node, Tensor c, long outputs) =>
        c.numel() == outputs && c.shape.Count(d => d != 1) <= 1 ? c.reshape(outputs)
            : throw Unsupported(node, $"a bias of shape [{string.Join(", ", c.shape)}] for {outputs} outputs");

    private void CheckKernel(NodeProto node, long kernel)
    {
        if (OnnxAttributes.Ints(node, "kernel_shape") is { } shape && (shape.Length != 1 || shape[0] != kernel))
        {
            throw Unsupported(node, $"kernel_shape [{string.Join(", ", shape)}] that differs from the weight's kernel {kernel}");
        }
    }

    /// <summary>The single value of a 1-D <c>strides</c> or <c>dilations</c> attribute (default 1).</summary>
    private long Window(NodeProto node, string attribute) =>
        OnnxAttributes.Ints(node, attribute) switch
        {
            null => 1,
            [long v] => v,
            var v => throw Unsupported(node, $"{attribute} [{string.Join(", ", v)}]: only 1-D windows are supported"),
        };

    /// <summary>The symmetric padding of a node (<c>pads</c> [begin, end] equal; <c>auto_pad</c> NOTSET or VALID).</summary>
    private long Padding(NodeProto node)
    {
        string auto = OnnxAttributes.String(node, "auto_pad", "NOTSET");
        if (auto is not ("NOTSET" or "VALID"))
        {
            throw Unsupported(node, $"auto_pad {auto}: only explicit pads are supported");
        }
        return OnnxAttributes.Ints(node, "pads") switch
        {
            null => 0,
            [long begin, long end] when begin == end => auto == "VALID" ? 0 : begin,
            var p => throw Unsupported(node, $"pads [{string.Join(", ", p)}]: only equal padding on both sides of a 1-D window is supported"),
        };
    }

    /// <summary>The graph node computing input <paramref name="i"/> of <paramref name="node"/>.</summary>
    private string In(NodeProto node, int i)
    {
        string value = node.Input[i];
        if (nodeOf.TryGetValue(value, out string? name))
        {
            return name;
        }
        throw IsConstant(value)
            ? Unsupported(node, $"a constant as input {i} ('{value}'): that input must be computed from the model input")
            : Unsupported(node, $"input {i} ('{value}'), which is not computed by a supported op");
    }

    /// <summary>The constant (initializer or Constant node) at input <paramref name="i"/> of <paramref name="node"/>.</summary>
    private Tensor Const(NodeProto node, int i) =>
        i < node.Input.Count && constants.TryGetValue(node.Input[i], out Tensor? t) ? t
            : throw Unsupported(node, i < node.Input.Count ? $"input {i} ('{node.Input[i]}') computed at run time: it must be an initializer or a Constant" : $"no input {i}");

    private Tensor? Optional(NodeProto node, int i) => i < node.Input.Count && node.Input[i].Length > 0 ? Const(node, i) : null;

    private Tensor ConstantValue(NodeProto node) =>
        OnnxAttributes.Tensor(node, "value") is { } value ? OnnxTensors.ToTensor(value, path)
            : OnnxAttributes.Ints(node, "value_ints") is { } ints ? tensor(ints)
            : throw Unsupported(node, "a value other than 'value' (tensor) or 'value_ints'");

    /// <summary>Returns <paramref name="graphNode"/> after checking that only the first output of <paramref name="node"/> is read (Dropout masks, pool indices, BatchNorm statistics).</summary>
    private T Single<T>(NodeProto node, T graphNode)
    {
        string? read = node.Output.Skip(1).FirstOrDefault(o => o.Length > 0 && readers.ContainsKey(o));
        return read is null ? graphNode : throw Unsupported(node, $"its extra output '{read}' being read");
    }

    private EcgXaiException Unsupported(NodeProto node, string? what) =>
        new(path, what is null
            ? $"node '{node.Name}' has op type '{node.OpType}', which is not supported; supported ops: {string.Join(", ", SupportedOps)}"
            : $"node '{node.Name}' ({node.OpType}): {what} is not supported");
}
