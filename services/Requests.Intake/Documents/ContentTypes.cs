using System.Buffers.Binary;
using System.Text;

namespace Requests.Intake.Documents;

/// <summary>
/// The allow-list, read from a file's content and never from its name alone: PDF, PNG, JPEG, the office formats
/// (OOXML and ODF zip containers whose directory is read first, legacy OLE) and UTF-8 text or CSV. Anything else
/// (an HTML page, a program, a plain zip, a zip bomb) has no type here and is refused.
/// </summary>
public static class ContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Text = "text/plain; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EndMagic = [0x50, 0x4B, 0x05, 0x06];

    /// <summary>The type to serve the file with, or null and why it is refused.</summary>
    public static string? Detect(string path, string name, DocumentOptions options, out string? why)
    {
        why = null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        Span<byte> head = stackalloc byte[8];
        head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (head.StartsWith(PdfMagic)) return Pdf;
        if (head.StartsWith(PngMagic)) return "image/png";
        if (head.StartsWith(JpegMagic)) return "image/jpeg";
        if (head.StartsWith(OleMagic))
            return extension switch
            {
                ".xls" => "application/vnd.ms-excel",
                ".ppt" => "application/vnd.ms-powerpoint",
                _ => "application/msword",
            };
        if (head.StartsWith(ZipMagic))
            return Office(file, options, out why);
        if (extension is ".txt" or ".csv" && IsText(file))
            return extension == ".csv" ? Csv : Text;
        why = "Its content is not one of the accepted types: PDF, PNG, JPEG, an office document, CSV or plain UTF-8 text.";
        return null;
    }

    /// <summary>UTF-8 without NUL or control characters other than tab, CR and LF, and not markup (a page named .txt).</summary>
    private static bool IsText(FileStream file)
    {
        file.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        var first = true;
        try
        {
            int read;
            do
            {
                read = file.Read(bytes);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                var text = chars.AsSpan(0, count);
                if (first && text.TrimStart("\uFEFF \t\r\n").StartsWith("<"))
                    return false;
                first = first && text.Trim("\uFEFF \t\r\n").IsEmpty;
                foreach (var c in text)
                    if (c < ' ' && c is not ('\t' or '\r' or '\n') || c == '\u007F')
                        return false;
            } while (read > 0);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// An OOXML or ODF document, from the zip's central directory alone (nothing is inflated): refused when it has too
    /// many entries, too much uncompressed, or an entry compressed too many times (a zip bomb).
    /// </summary>
    private static string? Office(FileStream file, DocumentOptions options, out string? why)
    {
        why = "A zip file that is not an office document (OOXML or ODF), or whose directory cannot be read.";
        var tailLength = (int)Math.Min(file.Length, 22 + 65535);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        var end = tail.AsSpan().LastIndexOf(EndMagic);
        if (end < 0 || tailLength - end < 22)
            return null;
        var eocd = tail.AsSpan(end);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(eocd[10..]);
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(eocd[12..]);
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(eocd[16..]);
        if (entries == 0xFFFF || directoryOffset == 0xFFFFFFFF || entries > options.ZipMaxEntries)
        {
            why = $"An office document of more than {options.ZipMaxEntries} parts is refused.";
            return null;
        }
        if (directoryOffset + (long)directorySize > file.Length)
            return null;
        var directory = new byte[directorySize];
        file.Position = directoryOffset;
        file.ReadExactly(directory);
        var names = new List<string>(entries);
        long total = 0;
        long mimetypeHeader = -1;
        var at = 0;
        for (var i = 0; i < entries; i++)
        {
            if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != 0x02014B50)
                return null;
            var entry = directory.AsSpan(at);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]);
            var uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            if (at + 46 + nameLength > directory.Length)
                return null;
            var entryName = Encoding.UTF8.GetString(entry.Slice(46, nameLength));
            total += uncompressed;
            if (compressed == 0xFFFFFFFF || uncompressed == 0xFFFFFFFF || total > options.ZipMaxUncompressedBytes)
            {
                why = $"An office document that would expand to more than {options.ZipMaxUncompressedBytes} bytes is refused (a zip bomb).";
                return null;
            }
            if (uncompressed > 1024 * 1024 && uncompressed / Math.Max(compressed, 1u) > (uint)options.ZipMaxRatio)
            {
                why = $"The part '{entryName}' is compressed more than {options.ZipMaxRatio} times: refused as a zip bomb.";
                return null;
            }
            if (entryName == "mimetype")
                mimetypeHeader = BinaryPrimitives.ReadUInt32LittleEndian(entry[42..]);
            names.Add(entryName);
            at += 46 + nameLength + extraLength + commentLength;
        }
        if (names.Contains("[Content_Types].xml"))
        {
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            return null;
        }
        return mimetypeHeader >= 0 ? OpenDocumentType(file, mimetypeHeader) : null;
    }

    /// <summary>An ODF file names its type in its first entry, <c>mimetype</c>, stored uncompressed.</summary>
    private static string? OpenDocumentType(FileStream file, long headerOffset)
    {
        Span<byte> header = stackalloc byte[30];
        file.Position = headerOffset;
        if (file.ReadAtLeast(header, 30, throwOnEndOfStream: false) < 30 || BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x04034B50)
            return null;
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
        file.Position = headerOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        if (method != 0 || size > 100)
            return null;
        var value = new byte[size];
        file.ReadExactly(value);
        var type = Encoding.ASCII.GetString(value);
        return type is "application/vnd.oasis.opendocument.text" or "application/vnd.oasis.opendocument.spreadsheet"
            or "application/vnd.oasis.opendocument.presentation" ? type : null;
    }
}
