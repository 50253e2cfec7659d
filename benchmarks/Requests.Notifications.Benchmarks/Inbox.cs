using System.Text.Json;

namespace Requests.Notifications.Benchmarks;

/// <summary>maildev's REST API: what it holds, read a page of new messages at a time, and emptying it.</summary>
internal sealed class Inbox(Uri url) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(1) };
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private int _seen;

    public async Task ClearAsync()
    {
        (await _http.DeleteAsync(new Uri("/email/all", UriKind.Relative))).EnsureSuccessStatusCode();
        _seen = 0;
        _messageIds.Clear();
    }

    /// <summary>How many messages maildev holds; only those stored since the last call are read.</summary>
    public async Task<int> CountAsync()
    {
        await using var body = await _http.GetStreamAsync(new Uri($"/email?skip={_seen}", UriKind.Relative));
        using var list = await JsonDocument.ParseAsync(body);
        foreach (var message in list.RootElement.EnumerateArray())
            if (message.TryGetProperty("messageId", out var id) && id.GetString() is { } value)
                _messageIds.Add(value);
        _seen += list.RootElement.GetArrayLength();
        return _seen;
    }

    /// <summary>The distinct Message-IDs among what was read: one per notification, whatever the attempts.</summary>
    public int DistinctMessageIds => _messageIds.Count;

    /// <summary>Polls until maildev holds <paramref name="count"/> messages (it stores each a moment after accepting it).</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CountAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"maildev holds {_seen} of {count} messages after {timeout}.");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();
}
