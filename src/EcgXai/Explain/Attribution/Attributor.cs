using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// LRP/CRP on any <see cref="ModelGraph"/> by one reverse-topological walk over its canonized copy: one forward keeps
/// what the rules need, relevance starts at each row's target logit (or at a node, from a given tensor), and every node
/// maps the relevance at its output to its inputs through its <see cref="Composite"/> rule (closed form: a local
/// re-forward plus one transposed product); relevance arriving from several readers is summed. Conditions mask
/// relevance at conditioned nodes and drop relevance that bypasses them (zennit-crp <c>exclude_parallel=True</c>). Rows
/// sharing record and target run as one row until the first conditioned node, a single input record is broadcast
/// rather than copied, and a large batch runs in cache-sized pieces of records (<see cref="RecordsPerPiece"/>). Generic over dtype (float32/float64) and device. The only place that knows the walk.
/// </summary>
public sealed class Attributor : IDisposable
{
    private readonly Dictionary<string, NodeRule> rules = new(StringComparer.Ordinal);
    private readonly bool ownsSource;
    private int recordsPerPiece = DefaultRecordsPerPiece;

    /// <summary>
    /// Canonizes a copy of <paramref name="graph"/> with <paramref name="canonizers"/> (default: <see cref="BatchNormFolding"/>)
    /// and binds every node to its rule; the graph itself is never modified and must outlive the attributor.
    /// </summary>
    public Attributor(ModelGraph graph, Composite composite, IReadOnlyList<ICanonizer>? canonizers = null)
        : this(graph, composite, canonizers, ownsSource: false) { }

    private Attributor(ModelGraph graph, Composite composite, IReadOnlyList<ICanonizer>? canonizers, bool ownsSource)
    {
        Source = graph;
        Composite = composite;
        this.ownsSource = ownsSource;
        ModelGraph current = graph;
        foreach (ICanonizer canonizer in canonizers ?? [new BatchNormFolding()])
        {
            ModelGraph next = canonizer.Canonize(current);
            if (!ReferenceEquals(current, graph))
            {
                current.Dispose();
            }
            current = next;
        }
        Graph = ReferenceEquals(current, graph) ? GraphRewrite.Copy(graph) : current;
        foreach (GraphNode node in Graph.Nodes)
        {
            rules[node.Name] = new NodeRule(Graph, node, composite.RuleFor(Graph, node));
        }
    }

    /// <summary>
    /// The attributor of a <see cref="ResNet1d"/> (its <see cref="ResNet1d.ToGraph"/>, which reads the model's parameters:
    /// the model must outlive the attributor) with the Ribeiro <c>bn2</c> treated by <paramref name="policy"/>.
    /// </summary>
    public static Attributor For(ResNet1d model, Composite composite, Bn2Policy policy = Bn2Policy.Gradient)
    {
        (IReadOnlyList<ICanonizer> canonizers, Composite withPolicy) = RibeiroBn2.Apply(policy, composite);
        return new Attributor(model.ToGraph(), withPolicy, canonizers, ownsSource: true);
    }

    /// <summary>The graph as given (restarts run here, so every original node name works).</summary>
    public ModelGraph Source { get; }

    /// <summary>The canonized graph the walk runs on; conditions and recording name its nodes.</summary>
    public ModelGraph Graph { get; }

    /// <summary>The composite that chose the rules.</summary>
    public Composite Composite { get; }

    /// <summary>
    /// Default of <see cref="RecordsPerPiece"/>: 8, chosen by measurement on the quiet 2-core machine (docs/experiments.md:
    /// batch 32 in pieces of 8 took 4.24–4.35 s against 4.46 s in pieces of 16 and 4.68 s whole, at a third less peak memory).
    /// </summary>
    public const int DefaultRecordsPerPiece = 8;

    /// <summary>
    /// A larger input batch is walked as consecutive pieces of about this many records (at least 2), each with its own
    /// forward, so that activations and relevance stay cache-sized; the result equals one walk over the whole batch
    /// exactly (every row reads only its own record, and no piece runs a dense layer on a single row where the whole
    /// batch runs several). Rows of one record always share a piece.
    /// </summary>
    public int RecordsPerPiece
    {
        get => recordsPerPiece;
        set => recordsPerPiece = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "records per piece must be at least 2");
    }

    /// <summary>Dtype of the graph (inputs must have it).</summary>
    public ScalarType ScalarType => Graph.DType;

    /// <summary>Names of the nodes that can be recorded, conditioned on or started from, in topological order.</summary>
    public IReadOnlyList<string> Nodes => Graph.Nodes.Select(n => n.Name).ToArray();

    /// <summary>
    /// The nodes whose channels are concepts: those the graph declares (<see cref="GraphMetadata.ConceptNodes"/>, e.g.
    /// ResNet1d's <c>blocks.i.sum</c> and <c>blocks.i.out</c>) that survive canonization, else every ReLU and sum with a
    /// (channels, time) output.
    /// </summary>
    public IReadOnlyList<string> ConceptNodes => Source.Metadata.ConceptNodes is { } declared
        ? declared.Where(Graph.Contains).ToArray()
        : Graph.Nodes.Where(n => n.Kind is NodeKind.Relu or NodeKind.Add && Graph.ShapeOf(n.Name).Count == 2).Select(n => n.Name).ToArray();

    /// <summary>
    /// The classifier input: the node the output Linear reads (through a Flatten, if any); its (channel, time) positions
    /// are the study's "nodes" (ResNet1d: the last unit's output).
    /// </summary>
    public string ClassifierInput
    {
        get
        {
            GraphNode head = Graph[Graph.Output];
            string input = head.Inputs[0];
            return Graph.Contains(input) && Graph[input] is FlattenNode flatten ? flatten.Inputs[0] : input;
        }
    }

    /// <summary>Number of channels (concepts) of node <paramref name="node"/> (its first per-record dimension).</summary>
    public int ChannelsOf(string node) => Graph.Contains(node) ? (int)Graph.ShapeOf(node)[0] : throw UnknownNode(node);

    /// <summary>The rule of node <paramref name="node"/> and the composite entry that chose it.</summary>
    public RuleChoice RuleOf(string node) => rules.TryGetValue(node, out NodeRule? r) ? r.Choice : throw UnknownNode(node);

    /// <summary>Plain LRP heatmaps: row i explains record i of <paramref name="input"/> for class <paramref name="targets"/>[i].</summary>
    public AttributionResult Attribute(Tensor input, IReadOnlyList<int> targets, IEnumerable<string>? recordNodes = null) =>
        Attribute(input, targets.Select((t, i) => new AttributionRow(i, t)).ToArray(), recordNodes);

    /// <summary>
    /// Attributes <paramref name="rows"/> of <paramref name="input"/> <c>(records, …InputShape)</c>, recording relevance and
    /// activation at <paramref name="recordNodes"/>.
    /// </summary>
    public AttributionResult Attribute(Tensor input, IReadOnlyList<AttributionRow> rows, IEnumerable<string>? recordNodes = null) =>
        Run(input, rows, recordNodes, null, null);

    /// <summary>
    /// Starts relevance at node <paramref name="node"/> from <paramref name="relevance"/> <c>(rows, …node shape)</c> (for
    /// example one concept's activation, or one (channel, time) position) and walks it down to the input. Row i belongs
    /// to record <paramref name="rows"/>[i].Record (default: record i) and applies that row's conditions below the node;
    /// targets are ignored. Logits are those of the input.
    /// </summary>
    public AttributionResult AttributeFrom(Tensor input, string node, Tensor relevance, IReadOnlyList<AttributionRow>? rows = null,
        IEnumerable<string>? recordNodes = null)
    {
        if (!Graph.Contains(node))
        {
            throw UnknownNode(node);
        }
        IReadOnlyList<long> shape = Graph.ShapeOf(node);
        if (!relevance.shape.Skip(1).SequenceEqual(shape) || relevance.dtype != ScalarType)
        {
            throw new ArgumentException($"start relevance at '{node}' must be {ScalarType} (rows, {string.Join(", ", shape)}), got {relevance.dtype} [{string.Join(", ", relevance.shape)}]");
        }
        var actual = rows ?? Enumerable.Range(0, (int)relevance.shape[0]).Select(i => new AttributionRow(i, 0)).ToArray();
        if (actual.Count != relevance.shape[0])
        {
            throw new ArgumentException($"{actual.Count} rows for {relevance.shape[0]} start relevance rows");
        }
        return Run(input, actual, recordNodes, node, relevance);
    }

    /// <summary>
    /// Restarts the forward of <see cref="Source"/> at <paramref name="node"/> from replacement activations (batched); see
    /// <see cref="ModelGraph.Restart"/>. Returns the logits <c>(rows, classes)</c>.
    /// </summary>
    public Tensor Restart(string node, Tensor replacement, Tensor? input = null, IReadOnlyList<int>? recordOfRow = null)
    {
        using var _ = no_grad();
        return Source.Restart(node, replacement, input, recordOfRow);
    }

    private AttributionResult Run(Tensor input, IReadOnlyList<AttributionRow> rows, IEnumerable<string>? recordNodes, string? startNode, Tensor? start)
    {
        var recorded = new HashSet<string>(recordNodes ?? [], StringComparer.Ordinal);
        Validate(input, rows, recorded, startNode);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        AttributionResult result = AttributionPieces.Run(this, input, rows, recorded, startNode, start, RecordsPerPiece);
        foreach (Tensor t in result.All)
        {
            t.MoveToOuterDisposeScope();
        }
        return result;
    }

    internal NodeRule RuleAt(string node) => rules[node];

    private void Validate(Tensor input, IReadOnlyList<AttributionRow> rows, HashSet<string> recorded, string? startNode)
    {
        if (input.dim() != Graph.InputShape.Count + 1 || !input.shape.Skip(1).SequenceEqual(Graph.InputShape))
        {
            throw new ArgumentException($"input must be (records, {string.Join(", ", Graph.InputShape)}), got [{string.Join(", ", input.shape)}]");
        }
        if (input.dtype != ScalarType)
        {
            throw new ArgumentException($"input dtype {input.dtype} differs from the model's {ScalarType}");
        }
        if (rows.Count == 0)
        {
            throw new ArgumentException("no rows to attribute");
        }
        string? unknown = recorded.FirstOrDefault(n => !Graph.Contains(n));
        if (unknown is not null)
        {
            throw UnknownNode(unknown);
        }
        int startIndex = startNode is null ? Graph.Nodes.Count - 1 : Graph.IndexOf(startNode);
        foreach (AttributionRow row in rows)
        {
            if (row.Record < 0 || row.Record >= input.shape[0] || (startNode is null && (row.Target < 0 || row.Target >= Graph.OutputCount)))
            {
                throw new ArgumentException($"row (record {row.Record}, target {row.Target}) is outside {input.shape[0]} records and {Graph.OutputCount} classes");
            }
            foreach (Condition c in row.Conditions)
            {
                if (!Graph.Contains(c.Node))
                {
                    throw UnknownNode(c.Node, "cannot condition on");
                }
                if (Graph.IndexOf(c.Node) > startIndex)
                {
                    throw new ArgumentException($"condition on '{c.Node}' lies above the start node '{startNode}'");
                }
                int channels = ChannelsOf(c.Node);
                if (c.Channels.Any(ch => ch < 0 || ch >= channels))
                {
                    throw new ArgumentException($"condition on {c.Node} names a channel outside [0, {channels})");
                }
            }
        }
    }

    private ArgumentException UnknownNode(string node, string what = "unknown node") =>
        new($"{what} '{node}': not a node of the explained graph{(Source.Contains(node) ? " (the canonizer folded it away)" : "")}; nodes: {string.Join(", ", Nodes)}");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (NodeRule rule in rules.Values)
        {
            rule.Dispose();
        }
        Graph.Dispose();
        if (ownsSource)
        {
            Source.Dispose();
        }
    }
}
