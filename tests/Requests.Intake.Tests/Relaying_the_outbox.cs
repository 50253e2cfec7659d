using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Intake.Tests;

public sealed class Relaying_the_outbox : IDisposable
{
    private readonly Deliveries _deliveries = new();
    private readonly IntakeApp _app;

    public Relaying_the_outbox() => _app = new IntakeApp
    {
        TestServices = services =>
        {
            services.AddSingleton(_deliveries);
            services.RegisterConsumer<RecordingConsumer>();
        },
    };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Publishes_each_filing_once_under_its_outbox_message_id_and_marks_it_sent()
    {
        var receipts = new List<FiledReceipt>();
        for (var i = 0; i < 6; i++)
            receipts.Add(await (await _app.PostJsonAsync(i % 2 == 0 ? "/api/requests" : "/api/complaints",
                i % 2 == 0 ? Forms.Request() : Forms.Complaint())).ReadReceiptAsync());

        var received = await _deliveries.WaitForAsync(receipts.Count);

        var outbox = await OutboxAsync();
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), received.Select(d => d.Message.CaseId).Order());
        foreach (var (messageId, message) in received)
        {
            Assert.Equal(outbox[message.CaseId], messageId);
            Assert.Equal(receipts.Single(r => r.CaseId == message.CaseId).TrackingNumber, message.TrackingNumber);
        }
        await WaitUntilAsync(async () => await _app.CountAsync("outbox_messages", "sent_at IS NULL") == 0);
        Assert.Equal(receipts.Count, await _app.CountAsync("outbox_messages", "sent_at IS NOT NULL"));
        await Task.Delay(500); // a second relay pass must not publish them again
        Assert.Equal(receipts.Count, _deliveries.Received.Count);
    }

    [Fact]
    public async Task Publishes_what_was_left_in_the_outbox_once_the_service_is_started_again()
    {
        _app.Settings["Outbox:Enabled"] = "false";
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        await Task.Delay(500);
        Assert.Empty(_deliveries.Received);
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "sent_at IS NULL"));

        await using var restarted = await _app.RestartAsync();
        restarted.Settings["Outbox:Enabled"] = "true";
        _ = restarted.Services;

        var (messageId, message) = Assert.Single(await _deliveries.WaitForAsync(1));
        Assert.Equal(receipt.CaseId, message.CaseId);
        Assert.Equal((await OutboxAsync(restarted))[receipt.CaseId], messageId);
        await WaitUntilAsync(async () => await restarted.CountAsync("outbox_messages", "sent_at IS NULL") == 0);
    }

    private Task<Dictionary<Guid, Guid>> OutboxAsync() => OutboxAsync(_app);

    private static async Task<Dictionary<Guid, Guid>> OutboxAsync(IntakeApp app) =>
        (await app.SubmittedAsync()).ToDictionary(m => m.Submitted.CaseId, m => m.MessageId);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
            await Task.Delay(50);
        Assert.True(await condition(), "timed out");
    }
}
