using System.Text;

namespace EcgXai.IO;

/// <summary>A CSV file read into rows of fields (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Field names of the first line (empty when read without a header).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows (the header line excluded), each with its fields as written (quotes removed).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Reads <paramref name="path"/>; with <paramref name="hasHeader"/> the first line names the columns.</summary>
    public static CsvTable Read(string path, bool hasHeader = true)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "file not found");
        }
        string text = File.ReadAllText(path);
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            throw new EcgXaiException(path, "not a CSV text file (it holds binary bytes)");
        }
        List<List<string>> all = Parse(path, text);
        all.RemoveAll(r => r.Count == 1 && r[0].Length == 0);
        if (!hasHeader)
        {
            return new CsvTable(path, [], all);
        }
        if (all.Count == 0)
        {
            throw new EcgXaiException(path, "CSV file is empty (no header line)");
        }
        return new CsvTable(path, all[0], all.Skip(1).ToArray());
    }

    /// <summary>Index of column <paramref name="name"/> (case-insensitive); throws naming the file when it is absent.</summary>
    public int Column(string name) =>
        columns.TryGetValue(name, out int index) ? index : throw new EcgXaiException(Path, $"CSV has no column '{name}' (columns: {string.Join(", ", Header)})");

    /// <summary>True when the header has column <paramref name="name"/>.</summary>
    public bool HasColumn(string name) => columns.ContainsKey(name);

    /// <summary>Field <paramref name="column"/> of <paramref name="row"/>, or "" when the row is shorter.</summary>
    public static string Field(IReadOnlyList<string> row, int column) => column < row.Count ? row[column] : "";

    private static List<List<string>> Parse(string path, string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        int line = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    rows.Add(row);
                    row = [];
                    field.Clear();
                    wasQuoted = false;
                    line++;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new EcgXaiException(path, $"unterminated quoted field at line {line}");
        }
        if (field.Length > 0 || row.Count > 0 || wasQuoted)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    /// <summary><paramref name="value"/> as one CSV field: quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
