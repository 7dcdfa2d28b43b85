#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Marks one ELF version need (e.g. GLIBCXX_3.4.32) weak when the system libstdc++ lacks it.</summary>
public class WeakenElfVersionNeed : Task
{
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    public override bool Execute()
    {
        string? system = Array.Find(LibStdCxxCandidates, File.Exists);
        if (system == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++.so.6 found; nothing to weaken.");
            return true;
        }
        if (Contains(File.ReadAllBytes(system), Encoding.ASCII.GetBytes(VersionName + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"{system} provides {VersionName}; nothing to weaken.");
            return true;
        }
        foreach (ITaskItem item in Files)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                if (Weaken(path)) Log.LogMessage(MessageImportance.High, $"Marked {VersionName} weak in {path}");
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"{path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    /// <summary>Returns true when the file was changed.</summary>
    private bool Weaken(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only little-endian ELF64 is supported");
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        const uint ShtRela = 4, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
        int verneed = -1, versym = -1;
        for (int i = 0; i < shnum; i++)
        {
            uint type = U32(elf, shoff + i * shentsize + 4);
            if (type == ShtVerneed) verneed = i;
            if (type == ShtVersym) versym = i;
        }
        if (verneed < 0 || versym < 0) return false;
        long needOff = Sh(elf, shoff, shentsize, verneed, 24);
        long strtab = Sh(elf, shoff, shentsize, (int)U32(elf, shoff + verneed * shentsize + 40), 24);
        long versymOff = Sh(elf, shoff, shentsize, versym, 24);
        int dynsym = (int)U32(elf, shoff + versym * shentsize + 40);
        bool changed = false;
        for (long vn = needOff; ; )
        {
            int count = U16(elf, vn + 2);
            long aux = vn + U32(elf, vn + 8);
            for (int j = 0; j < count; j++)
            {
                string name = CString(elf, strtab + U32(elf, aux + 8));
                if (name == VersionName)
                {
                    ushort index = (ushort)U16(elf, aux + 6);
                    EnsureUnused(elf, shoff, shentsize, shnum, ShtRela, dynsym, versymOff, index);
                    int flags = U16(elf, aux + 4);
                    if ((flags & 2) == 0)
                    {
                        elf[aux + 4] = (byte)((flags | 2) & 0xff);
                        elf[aux + 5] = (byte)((flags | 2) >> 8);
                        changed = true;
                    }
                }
                uint nextAux = U32(elf, aux + 12);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            uint next = U32(elf, vn + 12);
            if (next == 0) break;
            vn += next;
        }
        if (changed)
        {
            string temp = path + ".weaken.tmp";
            File.WriteAllBytes(temp, elf);
            File.Replace(temp, path, null);
        }
        return changed;
    }

    private void EnsureUnused(byte[] elf, long shoff, int shentsize, int shnum, uint shtRela, int dynsym, long versymOff, ushort index)
    {
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + i * shentsize;
            if (U32(elf, h + 4) != shtRela || U32(elf, h + 40) != dynsym) continue;
            long off = (long)U64(elf, h + 24), size = (long)U64(elf, h + 32);
            for (long r = off; r + 24 <= off + size; r += 24)
            {
                ulong sym = U64(elf, r + 8) >> 32;
                if (sym != 0 && (U16(elf, versymOff + (long)sym * 2) & 0x7fff) == index)
                    throw new InvalidDataException($"a relocation binds a symbol of {VersionName}; refusing to weaken it");
            }
        }
    }

    private static long Sh(byte[] elf, long shoff, int shentsize, int index, int field) => (long)U64(elf, shoff + index * shentsize + field);
    private static int U16(byte[] b, long o) => BitConverter.ToUInt16(b, (int)o);
    private static uint U32(byte[] b, long o) => BitConverter.ToUInt32(b, (int)o);
    private static ulong U64(byte[] b, long o) => BitConverter.ToUInt64(b, (int)o);
    private static string CString(byte[] b, long o)
    {
        int end = Array.IndexOf(b, (byte)0, (int)o);
        return Encoding.ASCII.GetString(b, (int)o, end - (int)o);
    }
}
