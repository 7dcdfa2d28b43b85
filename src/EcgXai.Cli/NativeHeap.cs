using System.Runtime.InteropServices;

namespace EcgXai.Cli;

/// <summary>
/// Process-wide tuning of the C heap that libtorch allocates tensors from, set once when the command line starts. glibc
/// serves every block above its mmap threshold (at most 32 MB) with a fresh mapping and unmaps it on free, so each
/// large activation, relevance or im2col buffer is page-faulted and zeroed by the kernel again on every call (a
/// quarter of a million minor faults per `bench explain` batch). Keeping freed blocks in the heap lets libtorch reuse
/// them. Other C libraries have no <c>mallopt</c>; there nothing changes.
/// </summary>
internal static class NativeHeap
{
    private const int TrimThreshold = -1;
    private const int TopPad = -2;
    private const int MmapMax = -4;

    /// <summary>Serves large blocks from the heap and keeps up to 1 GiB of freed memory for reuse (glibc only).</summary>
    public static void KeepLargeBlocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            Mallopt(MmapMax, 0);
            Mallopt(TrimThreshold, 1 << 30);
            Mallopt(TopPad, 64 << 20);
        }
        catch (EntryPointNotFoundException)
        {
            // not glibc (e.g. musl): keep its defaults
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
