using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// A model as a directed acyclic graph of named nodes in topological order, one input <c>(batch, …InputShape)</c>, one
/// output, one forward. A node's output may feed several nodes (residual skips). Built with <see cref="GraphBuilder"/>
/// (from plain tensors, by an importer) or by a model (<c>ResNet1dGraph</c>). The forward can restart at any node from
/// replacement activations. Owns its tensors only when built with <c>ownsTensors</c>.
/// </summary>
public sealed class ModelGraph : IDisposable
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> shapes;
    private readonly Dictionary<string, List<string>> consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> nonNegative = new(StringComparer.Ordinal);
    private readonly bool ownsTensors;

    internal ModelGraph(string input, long[] inputShape, IReadOnlyList<GraphNode> nodes, string output, Dictionary<string, long[]> shapes,
        bool ownsTensors, GraphMetadata metadata)
    {
        Input = input;
        InputShape = inputShape;
        Nodes = nodes;
        Output = output;
        Metadata = metadata;
        this.shapes = new Dictionary<string, long[]>(shapes, StringComparer.Ordinal);
        this.ownsTensors = ownsTensors;
        consumers[input] = [];
        nonNegative[input] = false;
        for (int i = 0; i < nodes.Count; i++)
        {
            GraphNode node = nodes[i];
            index[node.Name] = i;
            consumers[node.Name] = [];
            foreach (string source in node.Inputs.Distinct())
            {
                consumers[source].Add(node.Name);
            }
            nonNegative[node.Name] = node.Kind switch
            {
                NodeKind.Relu => true,
                NodeKind.MaxPool1d or NodeKind.AvgPool1d or NodeKind.Add or NodeKind.Concat or NodeKind.Flatten or NodeKind.Identity =>
                    node.Inputs.All(s => nonNegative[s]),
                _ => false,
            };
        }
        var useful = Ancestors([output]);
        useful.Add(output);
        GraphNode? dead = nodes.FirstOrDefault(n => !useful.Contains(n.Name));
        if (dead is not null)
        {
            throw new ArgumentException($"node '{dead.Name}' does not lead to the output '{output}'");
        }
        Tensor? first = nodes.SelectMany(n => n.Tensors).FirstOrDefault();
        DType = first?.dtype ?? ScalarType.Float32;
        Device = first?.device ?? CPU;
        GraphNode? odd = nodes.FirstOrDefault(n => n.Tensors.Any(t => t.dtype != DType || t.device.type != Device.type || t.device.index != Device.index));
        if (odd is not null)
        {
            throw new ArgumentException($"node '{odd.Name}' has tensors of another dtype or device than {DType} on {Device}");
        }
    }

    /// <summary>Name of the graph input.</summary>
    public string Input { get; }

    /// <summary>Per-record shape of the input, e.g. <c>[12, 4096]</c>.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>The nodes in topological order (every node after the nodes it reads).</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    /// <summary>Name of the output node (logits).</summary>
    public string Output { get; }

    /// <summary>Sampling rate, lead and class names, when known.</summary>
    public GraphMetadata Metadata { get; }

    /// <summary>Dtype of the node tensors (inputs must have it).</summary>
    public ScalarType DType { get; }

    /// <summary>Device of the node tensors.</summary>
    public Device Device { get; }

    /// <summary>Number of outputs (classes).</summary>
    public long OutputCount => shapes[Output][0];

    /// <summary>The node called <paramref name="name"/>.</summary>
    public GraphNode this[string name] => index.TryGetValue(name, out int i) ? Nodes[i]
        : throw new ArgumentException($"no node '{name}' in the graph (nodes: {string.Join(", ", Nodes.Select(n => n.Name))})");

    /// <summary>True when <paramref name="name"/> is a node (not the input).</summary>
    public bool Contains(string name) => index.ContainsKey(name);

    /// <summary>Topological position of node <paramref name="name"/> (0 = first node).</summary>
    public int IndexOf(string name) => index.TryGetValue(name, out int i) ? i : throw new ArgumentException($"no node '{name}' in the graph");

    /// <summary>Per-record output shape of node <paramref name="name"/> (or of the input).</summary>
    public IReadOnlyList<long> ShapeOf(string name) => shapes.TryGetValue(name, out long[]? s) ? s : throw new ArgumentException($"no node '{name}' in the graph");

    /// <summary>Names of the nodes reading <paramref name="name"/> (the input or a node), in topological order.</summary>
    public IReadOnlyList<string> ConsumersOf(string name) => consumers.TryGetValue(name, out List<string>? c) ? c : throw new ArgumentException($"no node '{name}' in the graph");

    /// <summary>
    /// True when the output of <paramref name="name"/> is provably non-negative from the graph: a ReLU, or a pool, sum,
    /// concatenation, flatten or identity of non-negative inputs. (Then <c>x⁻ = 0</c> and rules skip those terms.)
    /// </summary>
    public bool IsNonNegative(string name) => nonNegative.TryGetValue(name, out bool n) ? n : throw new ArgumentException($"no node '{name}' in the graph");

    /// <summary>Every node that depends on <paramref name="name"/> (not including it).</summary>
    public IReadOnlySet<string> Descendants(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ConsumersOf(name));
        while (stack.TryPop(out string? n))
        {
            if (seen.Add(n))
            {
                consumers[n].ForEach(stack.Push);
            }
        }
        return seen;
    }

    /// <summary>Every node (and the input) that <paramref name="names"/> depend on (not including them).</summary>
    public HashSet<string> Ancestors(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(names.Where(index.ContainsKey).SelectMany(n => Nodes[index[n]].Inputs));
        while (stack.TryPop(out string? n))
        {
            if (seen.Add(n) && index.TryGetValue(n, out int i))
            {
                foreach (string s in Nodes[i].Inputs)
                {
                    stack.Push(s);
                }
            }
        }
        return seen;
    }

    /// <summary>The output <c>(batch, …)</c> of <paramref name="input"/> <c>(batch, …InputShape)</c>. Training mode is that of the bound modules.</summary>
    public Tensor Forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var values = Evaluate(input, keep: []);
        return values[Output].MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Runs the forward on <paramref name="input"/> and returns the output (under <see cref="Output"/>) and the activations
    /// of the nodes in <paramref name="keep"/> (and the input under <see cref="Input"/> if asked). The caller owns them.
    /// A node named in <paramref name="substitutes"/> is computed by that function of its inputs instead of its own forward
    /// (it must give the same output; e.g. the attribution's convolutions that also compute a rule's re-forward).
    /// </summary>
    public Dictionary<string, Tensor> Evaluate(Tensor input, IEnumerable<string> keep,
        IReadOnlyDictionary<string, Func<IReadOnlyList<Tensor>, Tensor>>? substitutes = null)
    {
        CheckInput(input);
        return Run(new Dictionary<string, Tensor>(StringComparer.Ordinal) { [Input] = input }, null, null, keep, substitutes);
    }

    /// <summary>
    /// Restarts the forward at node <paramref name="node"/>: its activations are replaced by <paramref name="replacement"/>
    /// <c>(rows, …ShapeOf(node))</c>, and the nodes after it are recomputed to the output, which is returned
    /// <c>(rows, classes)</c>. Row i belongs to record <paramref name="recordOfRow"/>[i] of <paramref name="input"/> (default:
    /// row i = record i): nodes after <paramref name="node"/> that also read activations from before it (e.g. a skip around
    /// it) take that record's. <paramref name="input"/> may be null only when nothing after the node reads such
    /// activations (the node cuts the graph, e.g. a classifier input).
    /// </summary>
    public Tensor Restart(string node, Tensor replacement, Tensor? input = null, IReadOnlyList<int>? recordOfRow = null)
    {
        using var scope = NewDisposeScope();
        IReadOnlyList<long> shape = ShapeOf(node);
        if (!index.ContainsKey(node) || !replacement.shape.Skip(1).SequenceEqual(shape))
        {
            throw new ArgumentException($"replacement for '{node}' must be (rows, {string.Join(", ", shape)}), got [{string.Join(", ", replacement.shape)}]");
        }
        if (replacement.dtype != DType)
        {
            throw new ArgumentException($"replacement dtype {replacement.dtype} differs from the graph's {DType}");
        }
        IReadOnlySet<string> after = Descendants(node);
        var before = new HashSet<string>(after.SelectMany(n => this[n].Inputs).Where(s => s != node && !after.Contains(s)), StringComparer.Ordinal);
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (before.Count > 0)
        {
            if (input is null)
            {
                throw new ArgumentException($"restarting at '{node}' needs the input: '{before.First()}' is read after it");
            }
            CheckInput(input);
            long rows = replacement.shape[0];
            if (recordOfRow is null ? rows != input.shape[0] : recordOfRow.Count != rows || recordOfRow.Any(r => r < 0 || r >= input.shape[0]))
            {
                throw new ArgumentException($"{rows} replacement rows do not map onto the {input.shape[0]} input records");
            }
            var needed = Ancestors(before);
            needed.UnionWith(before);
            Dictionary<string, Tensor> upstream = Run(new Dictionary<string, Tensor>(StringComparer.Ordinal) { [Input] = input }, needed, null, before);
            Tensor? rowIndex = recordOfRow is null ? null : tensor(recordOfRow.Select(r => (long)r).ToArray(), dtype: ScalarType.Int64, device: input.device);
            foreach (string b in before)
            {
                values[b] = rowIndex is null ? upstream[b] : upstream[b].index_select(0, rowIndex);
            }
        }
        values[node] = replacement;
        return Run(values, after, node, [])[Output].MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Computes the nodes in <paramref name="only"/> (default: every node not in <paramref name="values"/>) in topological
    /// order from <paramref name="values"/>, freeing intermediates when their last reader is done; returns the output (when
    /// computed) and the values named in <paramref name="keep"/>; <paramref name="substitutes"/> as in <see cref="Evaluate"/>.
    /// </summary>
    private Dictionary<string, Tensor> Run(Dictionary<string, Tensor> values, IReadOnlySet<string>? only, string? start, IEnumerable<string> keep,
        IReadOnlyDictionary<string, Func<IReadOnlyList<Tensor>, Tensor>>? substitutes = null)
    {
        var kept = new HashSet<string>(keep, StringComparer.Ordinal) { Output };
        var todo = Nodes.Where(n => !values.ContainsKey(n.Name) && (only is null || only.Contains(n.Name))).ToList();
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string source in todo.SelectMany(n => n.Inputs.Distinct()))
        {
            remaining[source] = remaining.GetValueOrDefault(source) + 1;
        }
        var given = values.Values.ToList();
        foreach (GraphNode node in todo)
        {
            Tensor[] inputs = node.Inputs.Select(i => values.TryGetValue(i, out Tensor? v) ? v
                : throw new InvalidOperationException($"node '{node.Name}' reads '{i}', which was not computed (restart at '{start}')")).ToArray();
            values[node.Name] = substitutes is not null && substitutes.TryGetValue(node.Name, out var substitute) ? substitute(inputs) : node.Forward(inputs);
            foreach (string source in node.Inputs.Distinct())
            {
                if (--remaining[source] == 0 && !kept.Contains(source) && !given.Any(g => ReferenceEquals(g, values[source]))
                    && !values.Any(v => v.Key != source && ReferenceEquals(v.Value, values[source])))
                {
                    values[source].Dispose();
                    values.Remove(source);
                }
            }
        }
        return values.Where(v => kept.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    private void CheckInput(Tensor input)
    {
        if (!input.shape.Skip(1).SequenceEqual(InputShape) || input.dim() != InputShape.Count + 1)
        {
            throw new ArgumentException($"input must be (batch, {string.Join(", ", InputShape)}), got [{string.Join(", ", input.shape)}]");
        }
        if (input.dtype != DType)
        {
            throw new ArgumentException($"input dtype {input.dtype} differs from the graph's {DType}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsTensors)
        {
            foreach (Tensor t in Nodes.SelectMany(n => n.Tensors).Distinct(ReferenceEqualityComparer.Instance).Cast<Tensor>())
            {
                t.Dispose();
            }
        }
    }
}
