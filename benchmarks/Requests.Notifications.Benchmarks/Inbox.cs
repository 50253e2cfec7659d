using System.Text.Json;

namespace Requests.Notifications.Benchmarks;

/// <summary>maildev's REST API: how many messages it holds, and emptying it.</summary>
internal sealed class Inbox(Uri url) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(1) };

    public async Task ClearAsync() => (await _http.DeleteAsync(new Uri("/email/all", UriKind.Relative))).EnsureSuccessStatusCode();

    public async Task<int> CountAsync()
    {
        await using var body = await _http.GetStreamAsync(new Uri("/email", UriKind.Relative));
        using var list = await JsonDocument.ParseAsync(body);
        return list.RootElement.GetArrayLength();
    }

    /// <summary>Polls until maildev holds <paramref name="count"/> messages (it stores each a moment after accepting it).</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CountAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"maildev holds {await CountAsync()} of {count} messages after {timeout}.");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();
}
