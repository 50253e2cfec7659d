using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Intake.Tests;

// Routing's messages as they reach intake over the (in-memory) bus, and the citizen's view of a case.
public sealed partial class IntakeApp
{
    /// <summary>Publishes <paramref name="message"/> under <paramref name="messageId"/> and waits until intake has handled it.</summary>
    public async Task DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var handled = await CountAsync("inbox_messages");
        await Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId ?? Guid.NewGuid());
        if (messageId is null)
            await WaitUntilAsync(async () => await CountAsync("inbox_messages") > handled);
        else
            await WaitUntilAsync(async () => await CountAsync("inbox_messages", $"message_id = '{messageId}'") > 0);
    }

    /// <summary>Delivers a message already handled once: the inbox turns it away, which leaves no trace to wait for.</summary>
    public async Task RedeliverAsync<T>(T message, Guid messageId) where T : class
    {
        await Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId);
        await Task.Delay(500); // time for a second delivery to be handled, had it not been recognised
    }

    public async Task<FiledReceipt> FileAsync(System.Text.Json.Nodes.JsonObject? form = null) =>
        await (await PostJsonAsync(form?["kind"] is null ? "/api/requests" : "/api/complaints", form ?? Forms.Request())).ReadReceiptAsync();

    public async Task<HttpResponseMessage> LookUpAsync(string trackingNumber, string? accessCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{trackingNumber}");
        if (accessCode is not null)
            request.Headers.Add("X-Access-Code", accessCode);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>The case as its citizen sees it; fails unless the lookup answers 200.</summary>
    public async Task<JsonElement> ViewAsync(FiledReceipt receipt) => await ViewAsync(receipt.TrackingNumber, receipt.AccessCode);

    public async Task<JsonElement> ViewAsync(string trackingNumber, string accessCode)
    {
        var response = await LookUpAsync(trackingNumber, accessCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A citizen's action: <c>POST /api/cases/{trackingNumber}/{path}</c> with the access code.</summary>
    public async Task<HttpResponseMessage> ActAsync(string trackingNumber, string? accessCode, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{trackingNumber}/{path}")
        {
            Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (accessCode is not null)
            request.Headers.Add("X-Access-Code", accessCode);
        return await CreateClient().SendAsync(request);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
    }
}
