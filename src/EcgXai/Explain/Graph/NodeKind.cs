namespace EcgXai.Explain.Graph;

/// <summary>What a <see cref="GraphNode"/> computes; composites select rules by it.</summary>
public enum NodeKind
{
    /// <summary>1-D convolution (<see cref="Conv1dNode"/>).</summary>
    Conv1d,

    /// <summary>Dense layer on a flat input (<see cref="LinearNode"/>).</summary>
    Linear,

    /// <summary>Eval-mode BatchNorm, a per-channel affine map (<see cref="BatchNorm1dNode"/>).</summary>
    BatchNorm1d,

    /// <summary>Rectifier (<see cref="ReluNode"/>).</summary>
    Relu,

    /// <summary>Max pooling, possibly over the whole length (<see cref="MaxPool1dNode"/>).</summary>
    MaxPool1d,

    /// <summary>Average pooling, possibly global (<see cref="AvgPool1dNode"/>).</summary>
    AvgPool1d,

    /// <summary>Element-wise sum of two or more inputs, e.g. a residual sum (<see cref="AddNode"/>).</summary>
    Add,

    /// <summary>Concatenation on the channel axis (<see cref="ConcatNode"/>).</summary>
    Concat,

    /// <summary>Flatten to <c>(batch, features)</c> (<see cref="FlattenNode"/>).</summary>
    Flatten,

    /// <summary>Identity, also Dropout in eval mode (<see cref="IdentityNode"/>).</summary>
    Identity,
}
