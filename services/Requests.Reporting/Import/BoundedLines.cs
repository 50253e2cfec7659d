using System.Text;

namespace Requests.Reporting.Import;

/// <summary>Reads a file's lines; a line longer than <paramref name="maxLength"/> is skipped, never held in memory.</summary>
public sealed class BoundedLines(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _start, _end;

    /// <summary>False at the end of the file; otherwise the line without its line break, or null when it is too long.</summary>
    public async ValueTask<(bool Read, string? Text)> NextAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        bool any = false, tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                    return any ? (true, tooLong ? null : _line.ToString()) : (false, null);
            }
            any = true;
            var newLine = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var stop = newLine < 0 ? _end : newLine;
            tooLong |= _line.Length + (stop - _start) > maxLength;
            if (!tooLong)
                _line.Append(_buffer, _start, stop - _start);
            _start = newLine < 0 ? _end : newLine + 1;
            if (newLine >= 0)
                return (true, tooLong ? null : _line.ToString());
        }
    }
}
