using EcgXai.Explain.Crp;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// LRP/CRP on a <see cref="ResNet1d"/> by an explicit backward walk over its canonical view: one forward keeps what the
/// rules need, then relevance starts at each row's target logit and goes head → units (last to first) → stem, each
/// layer through its <see cref="Composite"/> rule (closed form: local re-forward plus one transposed product). Conditions
/// mask relevance at conditioned layers and drop relevance that bypasses them (zennit-crp <c>exclude_parallel=True</c>).
/// Rows sharing record and target run as one row until the first conditioned layer, and a single input record is
/// broadcast rather than copied, so many concepts of one record share the forward and the pass above their layer.
/// The only place that knows the walk order. Generic over the model's dtype (float32/float64) and device.
/// </summary>
public sealed class Attributor : IDisposable
{
    private readonly Dictionary<LinearLayer, IRule> rules = [];

    /// <summary>Canonizes <paramref name="model"/> (never modifying it) and binds every layer to its rule.</summary>
    public Attributor(ResNet1d model, Composite composite, Bn2Policy policy = Bn2Policy.Gradient)
    {
        Composite = composite;
        View = ResNet1dCanonizer.Canonize(model, policy);
        foreach (LinearLayer layer in View.Layers)
        {
            rules[layer] = composite.RuleFor(layer.Name, layer.Kind, policy);
        }
        ScalarType = View.Head.Weight.dtype;
    }

    /// <summary>The canonical view the walk runs on.</summary>
    public CanonicalResNet1d View { get; }

    /// <summary>The composite that chose the rules.</summary>
    public Composite Composite { get; }

    /// <summary>Dtype of the view (inputs must have it).</summary>
    public ScalarType ScalarType { get; }

    /// <summary>Layers whose relevance and activation can be recorded or conditioned on: <c>blocks.i.sum</c>, <c>blocks.i.out</c>.</summary>
    public IReadOnlyList<string> RecordableLayers => View.Blocks.SelectMany(b => new[] { b.SumName, b.OutName }).ToArray();

    /// <summary>Name of the classifier input, the last unit's output, whose (channel, time) positions are the nodes.</summary>
    public string ClassifierInput => View.Blocks[^1].OutName;

    /// <summary>Number of channels (concepts) of the recordable layer <paramref name="layer"/>.</summary>
    public int ChannelsOf(string layer) =>
        View.Blocks.FirstOrDefault(b => b.SumName == layer || b.OutName == layer) is { } block
            ? View.Config.Filters[block.Index]
            : throw new ArgumentException($"unknown layer '{layer}' (recordable: {string.Join(", ", RecordableLayers)})");

    /// <summary>Plain LRP heatmaps: row i explains record i of <paramref name="input"/> for class <paramref name="targets"/>[i].</summary>
    public Attribution Attribute(Tensor input, IReadOnlyList<int> targets, IEnumerable<string>? recordLayers = null) =>
        Attribute(input, targets.Select((t, i) => new AttributionRow(i, t)).ToArray(), recordLayers);

    /// <summary>
    /// Attributes <paramref name="rows"/> of <paramref name="input"/> <c>(records, leads, samples)</c>, recording relevance and
    /// activation at <paramref name="recordLayers"/>.
    /// </summary>
    public Attribution Attribute(Tensor input, IReadOnlyList<AttributionRow> rows, IEnumerable<string>? recordLayers = null)
    {
        var recorded = new HashSet<string>(recordLayers ?? [], StringComparer.Ordinal);
        Validate(input, rows, recorded);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var walk = new Walk(this, input, rows, recorded);
        Attribution result = walk.Run();
        result.Logits.MoveToOuterDisposeScope();
        result.InputRelevance.MoveToOuterDisposeScope();
        foreach (Tensor t in result.Relevance.Values.Concat(result.Activations.Values).Distinct(ReferenceEqualityComparer.Instance).Cast<Tensor>())
        {
            t.MoveToOuterDisposeScope();
        }
        return result;
    }

    private void Validate(Tensor input, IReadOnlyList<AttributionRow> rows, HashSet<string> recorded)
    {
        ResNet1dConfig config = View.Config;
        if (input.dim() != 3 || input.shape[1] != config.LeadCount || input.shape[2] != config.InputLength)
        {
            throw new ArgumentException($"input must be (records, {config.LeadCount}, {config.InputLength}), got [{string.Join(", ", input.shape)}]");
        }
        if (input.dtype != ScalarType)
        {
            throw new ArgumentException($"input dtype {input.dtype} differs from the model's {ScalarType}");
        }
        if (rows.Count == 0)
        {
            throw new ArgumentException("no rows to attribute");
        }
        var layers = RecordableLayers.ToHashSet();
        string? unknown = recorded.FirstOrDefault(l => !layers.Contains(l));
        if (unknown is not null)
        {
            throw new ArgumentException($"unknown layer '{unknown}' (recordable: {string.Join(", ", RecordableLayers)})");
        }
        foreach (AttributionRow row in rows)
        {
            if (row.Record < 0 || row.Record >= input.shape[0] || row.Target < 0 || row.Target >= config.ClassCount)
            {
                throw new ArgumentException($"row (record {row.Record}, target {row.Target}) is outside {input.shape[0]} records and {config.ClassCount} classes");
            }
            foreach (Condition c in row.Conditions)
            {
                if (!layers.Contains(c.Layer))
                {
                    throw new ArgumentException($"cannot condition on unknown layer '{c.Layer}' (recordable: {string.Join(", ", RecordableLayers)})");
                }
                int channels = ChannelsOf(c.Layer);
                if (c.Channels.Any(ch => ch < 0 || ch >= channels))
                {
                    throw new ArgumentException($"condition on {c.Layer} names a channel outside [0, {channels})");
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => View.Dispose();

    /// <summary>Activations of one unit kept by the forward pass for the walk.</summary>
    private sealed record UnitActivations(Tensor X, Tensor Y, Tensor? Pooled, Tensor? Indices, Tensor Skip, Tensor A1, Tensor Main, Tensor Sum, Tensor Out);

    /// <summary>State of one backward walk: rows, their mapping to records, pending relevance and recorded tensors.</summary>
    private sealed class Walk
    {
        private readonly Attributor owner;
        private readonly CanonicalResNet1d view;
        private readonly Tensor input;
        private readonly IReadOnlyList<AttributionRow> rows;
        private readonly HashSet<string> recorded;
        private readonly Dictionary<string, Tensor> relevance = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Tensor> activations = new(StringComparer.Ordinal);
        private readonly List<Tensor> transient = [];
        private readonly int records;
        private readonly int expandAt;
        private readonly long[] initialRecords;
        private readonly long[]? expansion;
        private Tensor? rowIndex;
        private long rowCount;
        private bool expanded;

        public Walk(Attributor owner, Tensor input, IReadOnlyList<AttributionRow> rows, HashSet<string> recorded)
        {
            this.owner = owner;
            view = owner.View;
            this.input = input;
            this.rows = rows;
            this.recorded = recorded;
            records = (int)input.shape[0];
            var initial = rows.Select(r => (r.Record, r.Target)).Distinct().ToList();
            initialRecords = initial.Select(p => (long)p.Record).ToArray();
            expansion = initial.Count == rows.Count ? null : rows.Select(r => (long)initial.IndexOf((r.Record, r.Target))).ToArray();
            var positions = rows.SelectMany(r => r.Conditions).Select(c => Position(c.Layer)).ToList();
            expandAt = positions.Count > 0 ? positions.Min() : 2 * view.Blocks.Count;
            SetRows(expansion is null ? rows.Select(r => (long)r.Record).ToArray() : initialRecords);
        }

        public Attribution Run()
        {
            Tensor stem = view.Stem.Forward(input);
            var units = new List<UnitActivations>();
            Tensor x = stem, y = stem;
            foreach (CanonicalBlock block in view.Blocks)
            {
                UnitActivations a = Forward(block, x, y);
                units.Add(a);
                Keep(block.SumName, a.Sum);
                Keep(block.OutName, a.Out);
                (x, y) = (a.Out, a.Sum);
            }
            Tensor features = x.flatten(1);
            Tensor logits = view.Head.Forward(features);

            Tensor rOut = StartRelevance(logits, features);
            Tensor? rRaw = null;
            for (int i = view.Blocks.Count - 1; i >= 0; i--)
            {
                (Tensor rX, Tensor rY) = Unit(view.Blocks[i], units[i], rOut, rRaw);
                UnitActivations a = units[i];
                Release([rOut, rRaw, a.X, a.Pooled, a.Indices, a.A1, a.Main, ReferenceEquals(a.Skip, a.Y) ? null : a.Skip, a.Sum, .. transient]);
                transient.Clear();
                (rOut, rRaw) = (rX, rY);
            }
            Tensor rStem = rRaw is null ? rOut : rOut.add(rRaw);
            rStem = ExpandAt(2 * view.Blocks.Count, rStem, null).R;
            Tensor inputRelevance = owner.rules[view.Stem].Apply(view.Stem, Rows(input), rStem);
            return new Attribution(rows, logits, inputRelevance, relevance, activations);
        }

        private static UnitActivations Forward(CanonicalBlock block, Tensor x, Tensor y)
        {
            (Tensor? pooled, Tensor? indices, Tensor skip) = block.SkipForward(y);
            Tensor a1 = block.Conv1.Forward(x).relu_();
            Tensor main = block.Conv2.Forward(a1);
            Tensor sum = main.add(skip);
            Tensor output = block.Bn2.Forward(sum).relu_();
            return new UnitActivations(x, y, pooled, indices, skip, a1, main, sum, output);
        }

        private Tensor StartRelevance(Tensor logits, Tensor features)
        {
            using var scope = NewDisposeScope();
            Tensor targets = tensor(RowTargets(), dtype: ScalarType.Int64, device: logits.device).unsqueeze(1);
            Tensor rowLogits = RowsFull(logits);
            Tensor start = zeros_like(rowLogits).scatter_(1, targets, rowLogits.gather(1, targets));
            Tensor r = owner.rules[view.Head].Apply(view.Head, Rows(features), start);
            CanonicalBlock last = view.Blocks[^1];
            return r.view(r.shape[0], view.Config.Filters[last.Index], -1).MoveToOuterDisposeScope();
        }

        private long[] RowTargets() => expansion is null ? rows.Select(r => (long)r.Target).ToArray()
            : rows.Select(r => (r.Record, r.Target)).Distinct().Select(p => (long)p.Target).ToArray();

        private (Tensor ROut, Tensor RRaw) Unit(CanonicalBlock block, UnitActivations a, Tensor rOut, Tensor? rRaw)
        {
            int position = Position(block.OutName);
            (rOut, rRaw) = ExpandAt(position, rOut, rRaw);
            (rOut, rRaw) = Condition(block.OutName, rOut, rRaw);
            Record(block.OutName, rOut);
            bool fold = view.Policy == Bn2Policy.Fold;
            Tensor rTop = fold ? rOut : Track(BatchNormRelevance(block, a, rOut, rRaw));
            if (!fold)
            {
                rRaw = null;
            }
            (rTop, rRaw) = ExpandAt(position + 1, rTop, rRaw);
            rTop = Mask(block.SumName, rTop);
            rRaw = rRaw is null ? null : Mask(block.SumName, rRaw);
            Record(block.SumName, fold && rRaw is not null ? Track(rTop.add(rRaw)) : rTop);
            using var scope = NewDisposeScope();
            Tensor rA1, rSkip;
            if (fold)
            {
                Tensor mainF = block.Bn2.Forward(a.Main), skipF = a.Skip.mul(block.Bn2.Weight.view(1, -1, 1));
                (Tensor rMainF, Tensor rSkipF) = SplitSum(block, mainF, skipF, mainF.add(skipF), rTop);
                rA1 = Apply(block.FoldedConv2!, a.A1, rMainF);
                rSkip = block.SkipConv is null ? rSkipF : Apply(block.FoldedSkipConv!, a.Pooled ?? a.Y, rSkipF);
                if (rRaw is not null)
                {
                    (Tensor rMain, Tensor rSkipRaw) = SplitSum(block, a.Main, a.Skip, a.Sum, rRaw);
                    rA1 = rA1.add(Apply(block.Conv2, a.A1, rMain));
                    rSkip = rSkip.add(block.SkipConv is null ? rSkipRaw : Apply(block.SkipConv, a.Pooled ?? a.Y, rSkipRaw));
                }
            }
            else
            {
                (Tensor rMain, Tensor rSkipSum) = SplitSum(block, a.Main, a.Skip, a.Sum, rTop);
                rA1 = Apply(block.Conv2, a.A1, rMain);
                rSkip = block.SkipConv is null ? rSkipSum : Apply(block.SkipConv, a.Pooled ?? a.Y, rSkipSum);
            }
            Tensor rX = Apply(block.Conv1, a.X, rA1);
            Tensor rY = a.Indices is null ? rSkip
                : zeros(rSkip.shape[0], rSkip.shape[1], a.Y.shape[2], dtype: rSkip.dtype, device: rSkip.device).scatter_add_(2, RowsFull(a.Indices, rSkip.shape[0]), rSkip);
            return (rX.MoveToOuterDisposeScope(), rY.MoveToOuterDisposeScope());
        }

        private Tensor BatchNormRelevance(CanonicalBlock block, UnitActivations a, Tensor rOut, Tensor? rRaw)
        {
            using var scope = NewDisposeScope();
            Tensor r = Apply(block.Bn2, a.Sum, rOut);
            return (rRaw is null ? r : r.add(rRaw)).MoveToOuterDisposeScope();
        }

        private Tensor Apply(LinearLayer layer, Tensor activation, Tensor r) => owner.rules[layer].Apply(layer, Rows(activation), r);

        private (Tensor Main, Tensor Skip) SplitSum(CanonicalBlock block, Tensor main, Tensor skip, Tensor sum, Tensor r)
        {
            IRule rule = owner.rules[block.Sum];
            if (rule is Norm norm)
            {
                return norm.ApplyToSum(Rows(main), Rows(skip), Rows(sum), r);
            }
            Tensor both = rule.Apply(block.Sum, stack([Rows(main), Rows(skip)], 1), r);
            return (both.select(1, 0), both.select(1, 1));
        }

        /// <summary>At the first conditioned layer (or the input), turns the shared rows into one row per request.</summary>
        private (Tensor R, Tensor? RRaw) ExpandAt(int position, Tensor r, Tensor? rRaw)
        {
            if (expanded || position < expandAt)
            {
                return (r, rRaw);
            }
            expanded = true;
            if (expansion is null)
            {
                return (r, rRaw);
            }
            Tensor index = tensor(expansion, dtype: ScalarType.Int64, device: r.device);
            SetRows(rows.Select(row => (long)row.Record).ToArray());
            return (Track(r.index_select(0, index)), rRaw is null ? null : Track(rRaw.index_select(0, index)));
        }

        /// <summary>Masks relevance at <paramref name="layer"/> and drops, for the rows conditioned there, relevance bypassing it.</summary>
        private (Tensor R, Tensor? RRaw) Condition(string layer, Tensor r, Tensor? rRaw)
        {
            Tensor masked = Mask(layer, r);
            if (rRaw is null || ReferenceEquals(masked, r))
            {
                return (masked, rRaw);
            }
            float[] keep = rows.Select(row => row.Conditions.Any(c => c.Layer == layer) ? 0f : 1f).ToArray();
            return (masked, Track(rRaw.mul(tensor(keep, device: rRaw.device).to_type(rRaw.dtype).view(-1, 1, 1))));
        }

        private Tensor Mask(string layer, Tensor r)
        {
            if (!rows.Any(row => row.Conditions.Any(c => c.Layer == layer)))
            {
                return r;
            }
            long channels = r.shape[1];
            var mask = new float[rows.Count * channels];
            for (int i = 0; i < rows.Count; i++)
            {
                var conditions = rows[i].Conditions.Where(c => c.Layer == layer).ToList();
                for (int ch = 0; ch < channels; ch++)
                {
                    mask[i * channels + ch] = conditions.Count == 0 || conditions.All(c => c.Channels.Contains(ch)) ? 1f : 0f;
                }
            }
            return Track(r.mul(tensor(mask, device: r.device).to_type(r.dtype).view(rows.Count, channels, 1)));
        }

        /// <summary>Marks a relevance tensor made between rules as freeable once its unit is done.</summary>
        private Tensor Track(Tensor t)
        {
            transient.Add(t);
            return t;
        }

        /// <summary>Frees tensors the rest of the walk no longer needs, unless they are part of the result.</summary>
        private void Release(IEnumerable<Tensor?> tensors)
        {
            foreach (Tensor? t in tensors)
            {
                if (t is not null && !t.IsInvalid && !relevance.Values.Concat(activations.Values).Any(kept => ReferenceEquals(kept, t)) && !ReferenceEquals(t, input))
                {
                    t.Dispose();
                }
            }
        }

        private void Record(string layer, Tensor r)
        {
            if (recorded.Contains(layer))
            {
                relevance[layer] = r;
            }
        }

        private void Keep(string layer, Tensor activation)
        {
            if (recorded.Contains(layer))
            {
                activations[layer] = activation;
            }
        }

        private void SetRows(long[] recordOfRow)
        {
            rowCount = recordOfRow.Length;
            rowIndex = records == 1 || recordOfRow.SequenceEqual(Enumerable.Range(0, records).Select(i => (long)i))
                ? null
                : tensor(recordOfRow, dtype: ScalarType.Int64, device: input.device);
        }

        /// <summary>The rows of a per-record tensor for the current relevance rows; a single record is broadcast, not copied.</summary>
        private Tensor Rows(Tensor perRecord) => rowIndex is null ? perRecord : perRecord.index_select(0, rowIndex);

        /// <summary>Like <see cref="Rows(Tensor)"/> but materialised to <paramref name="count"/> rows (for indices and start values).</summary>
        private Tensor RowsFull(Tensor perRecord, long count = -1)
        {
            Tensor t = Rows(perRecord);
            long n = count < 0 ? rowCount : count;
            return t.shape[0] == n ? t : t.expand([n, .. t.shape.Skip(1)]);
        }

        private int Position(string layer)
        {
            string[] parts = layer.Split('.');
            int i = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            return 2 * (view.Blocks.Count - 1 - i) + (parts[2] == "sum" ? 1 : 0);
        }
    }
}
