namespace EcgXai.Signals;

/// <summary>The binary signal formats of the WFDB specification; each value is the format code written in a header.</summary>
public enum WfdbFormat
{
    /// <summary>8-bit first differences from the previous sample of the same signal (the first from the initial value).</summary>
    Difference8 = 8,

    /// <summary>16-bit two's complement, little-endian.</summary>
    Int16 = 16,

    /// <summary>24-bit two's complement, little-endian.</summary>
    Int24 = 24,

    /// <summary>32-bit two's complement, little-endian.</summary>
    Int32 = 32,

    /// <summary>16-bit two's complement, big-endian.</summary>
    Int16BigEndian = 61,

    /// <summary>8-bit offset binary (stored value minus 128).</summary>
    Offset8 = 80,

    /// <summary>16-bit offset binary, little-endian (stored value minus 32768).</summary>
    Offset16 = 160,

    /// <summary>Two 12-bit two's complement samples packed in three bytes (MIT-BIH).</summary>
    Packed212 = 212,

    /// <summary>Three 10-bit samples in two little-endian 16-bit words (bits 1–10 of each word, the third split over bits 11–15).</summary>
    Packed310 = 310,

    /// <summary>Three 10-bit samples in the low 30 bits of a little-endian 32-bit word.</summary>
    Packed311 = 311,
}
