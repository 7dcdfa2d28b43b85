namespace EcgXai.Signals;

/// <summary>MATLAB array classes (mxCLASS codes) that <see cref="Mat5Reader"/> reads.</summary>
public enum Mat5Class
{
    /// <summary>Cell array.</summary>
    Cell = 1,

    /// <summary>Structure array.</summary>
    Struct = 2,

    /// <summary>Character array.</summary>
    Char = 4,

    /// <summary>Double precision.</summary>
    Double = 6,

    /// <summary>Single precision.</summary>
    Single = 7,

    /// <summary>Signed 8-bit integers.</summary>
    Int8 = 8,

    /// <summary>Unsigned 8-bit integers.</summary>
    UInt8 = 9,

    /// <summary>Signed 16-bit integers.</summary>
    Int16 = 10,

    /// <summary>Unsigned 16-bit integers.</summary>
    UInt16 = 11,

    /// <summary>Signed 32-bit integers.</summary>
    Int32 = 12,

    /// <summary>Unsigned 32-bit integers.</summary>
    UInt32 = 13,

    /// <summary>Signed 64-bit integers.</summary>
    Int64 = 14,

    /// <summary>Unsigned 64-bit integers.</summary>
    UInt64 = 15,
}
