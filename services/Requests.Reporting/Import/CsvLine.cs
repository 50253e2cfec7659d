using System.Text;

namespace Requests.Reporting.Import;

/// <summary>Splits one CSV line (RFC 4180 quoting: a field in double quotes may hold commas and doubled quotes).</summary>
public static class CsvLine
{
    public static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                        return false; // an unclosed quote
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.Append(line[i++]);
                }
                fields.Add(text.ToString());
                if (i < line.Length && line[i] != ',')
                    return false;
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line[i..end]);
                i = end;
            }
            if (i >= line.Length)
                return true;
            i++; // the comma
        }
    }
}
