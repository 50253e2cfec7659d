using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Requests.ServiceDefaults.Http;

/// <summary>
/// No control character in any text a client sends: NUL and the other C0 controls, DEL and the C1 controls are refused
/// with a <c>422</c> naming the field (PostgreSQL cannot store a NUL, and none belongs in a name, a code or a subject);
/// tab and line breaks only in the free-text fields named in <see cref="MultiLine"/>. Every JSON body's strings, the query string and the route
/// values are checked before an endpoint reads them; a form read another way (multipart) calls <see cref="Check"/>.
/// </summary>
public static class TextFields
{
    /// <summary>The fields where a tab or a line break is text: descriptions, reasons, answers, addresses.</summary>
    public static readonly FrozenSet<string> MultiLine = FrozenSet.ToFrozenSet(
        ["description", "urgentReason", "address", "text", "comment", "reason", "reasons", "question", "answer"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest JSON body any endpoint takes.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    /// <summary>Why <paramref name="value"/> may not go in <paramref name="field"/> (a path such as <c>requester.address</c>), or null.</summary>
    public static string? Check(string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is null || !value.AsSpan().ContainsAnyInRange('\0', '\u001f') && !value.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
            return null;
        var multiLine = MultiLine.Contains(field[(field.LastIndexOf('.') + 1)..]);
        foreach (var c in value)
        {
            if (c is >= '\u007f' and <= '\u009f' || c < ' ' && !(multiLine && c is '\t' or '\n' or '\r'))
                return multiLine
                    ? "Control characters are not allowed (tab and line breaks are)."
                    : "Control characters, tab and line breaks included, are not allowed in this field.";
        }
        return null;
    }

    /// <summary>The <c>422</c> for the fields in <paramref name="errors"/>.</summary>
    public static IResult Problem(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "A field holds a control character.");

    internal static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
            foreach (var value in values)
                Add(errors, name, value);
        foreach (var (name, value) in context.Request.RouteValues)
            Add(errors, name, value as string);
        if (errors.Count == 0 && context.Request.HasJsonContentType())
        {
            if (context.Request.ContentLength > MaxJsonBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: $"The body is larger than {MaxJsonBytes / 1024} KiB.").ExecuteAsync(context);
                return;
            }
            await ScanJsonAsync(context.Request, errors);
        }
        if (errors.Count > 0)
            await Problem(errors).ExecuteAsync(context);
        else
            await next(context);
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (Check(field, value) is { } error)
            errors.TryAdd(field, [error]);
    }

    private static async Task ScanJsonAsync(HttpRequest request, Dictionary<string, string[]> errors)
    {
        // a body sent in chunks, without a length, is held to the same limit as one that declares it (413 beyond)
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxJsonBytes;
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    if (length > MaxJsonBytes)
                        return;
                    var larger = ArrayPool<byte>.Shared.Rent(length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            // a C0 control can only be written escaped; DEL (0x7F) and the C1 controls (0xC2 0x80-0x9F in UTF-8) may
            // also be raw: a body with neither a backslash nor those bytes holds none
            var body = buffer.AsSpan(0, length);
            var raw = body.IndexOfAny((byte)0x7F, (byte)0xC2) >= 0;
            if (raw || body.Contains((byte)'\\'))
                Scan(body, raw, errors);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            request.Body.Position = 0;
        }
    }

    /// <summary>Only an escaped string can hold a C0 control (a raw one is malformed JSON, which the endpoint refuses); with
    /// <paramref name="raw"/>, a DEL or C1 control may be in any string.</summary>
    private static void Scan(ReadOnlySpan<byte> json, bool raw, Dictionary<string, string[]> errors)
    {
        var reader = new Utf8JsonReader(json);
        var containers = new Stack<Container>();
        var property = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Push(new Container(Next(containers, property), reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.String when raw || reader.ValueIsEscaped:
                        Add(errors, Next(containers, property), reader.GetString());
                        break;
                    default:
                        Next(containers, property);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // malformed: the endpoint answers 400
        }
    }

    /// <summary>The path of the value the reader is on: <c>requester.fullName</c>, <c>officerIds[2]</c>.</summary>
    private static string Next(Stack<Container> containers, string property)
    {
        if (!containers.TryPeek(out var container))
            return "";
        if (container.Array)
            return $"{container.Path}[{container.Count++}]";
        return container.Path.Length == 0 ? property : $"{container.Path}.{property}";
    }

    private sealed class Container(string path, bool array)
    {
        public string Path { get; } = path;
        public bool Array { get; } = array;
        public int Count { get; set; }
    }
}
