using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Requests.Contracts.Routing;

namespace Requests.Intake.Tests;

/// <summary>Routing's assignment at the opening (<c>CasesOpened</c>) reaches the citizen: the case shows as assigned, with a step on its timeline.</summary>
public sealed class Following_the_assignment : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_the_case_as_assigned_with_the_due_date_on_the_timeline()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        await PublishAsync(Assigned(receipt), Guid.NewGuid());

        var view = await WaitForTimelineAsync(receipt, entries: 2);
        Assert.Equal("assigned", view.GetProperty("status").GetString());
        var step = view.GetProperty("timeline")[1];
        Assert.Equal("assigned", step.GetProperty("kind").GetString());
        Assert.Equal("2026-11-24", step.GetProperty("dueOn").GetString());
        Assert.Equal(IntakeApp.DefaultNow.AddMinutes(5), step.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_redelivered_message_adds_nothing()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        var messageId = Guid.NewGuid();

        await PublishAsync(Assigned(receipt), messageId);
        await WaitForTimelineAsync(receipt, entries: 2);
        await PublishAsync(Assigned(receipt), messageId);
        await WaitUntilAsync(async () => await _app.CountAsync("inbox_messages") == 1 && await _app.CountAsync("case_events") == 1);
        await Task.Delay(500); // time for a second delivery to be handled, had it not been recognised

        Assert.Equal(1, await _app.CountAsync("case_events"));
        Assert.Equal(2, (await LookUpAsync(receipt)).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task An_assignment_of_an_unknown_case_is_recorded_and_changes_nothing()
    {
        var stranger = new FiledReceipt(Guid.NewGuid(), "DAI-2026-999999", "XXXXX-XXXXX", IntakeApp.DefaultNow,
            new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 24), "2026.1");

        await PublishAsync(Assigned(stranger), Guid.NewGuid());

        await WaitUntilAsync(async () => await _app.CountAsync("inbox_messages") == 1);
        Assert.Equal(0, await _app.CountAsync("case_events"));
    }

    [Fact]
    public async Task A_case_opened_without_an_officer_stays_received_and_the_others_of_its_message_show_assigned()
    {
        var flagged = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        var assigned = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        // one message for both, as routing sends the cases one batch opened: the first was left for a person to route
        await PublishAsync(new CasesOpened([Opened(flagged), .. Assigned(assigned).Cases]), Guid.NewGuid());

        await WaitForTimelineAsync(assigned, entries: 2);
        var view = await LookUpAsync(flagged);
        Assert.Equal("received", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("timeline").GetArrayLength());
        Assert.Equal(1, await _app.CountAsync("case_events"));
    }

    private static CaseOpened Opened(FiledReceipt receipt) => new(receipt.CaseId, receipt.TrackingNumber, "information", "request",
        "MEF", "portal", null, false, receipt.ReceivedAt, receipt.ReceivedOn, new DateOnly(2026, 11, 24));

    private static CasesOpened Assigned(FiledReceipt receipt) =>
        new([Opened(receipt) with { OfficerId = "MEF-O1", AssignedAt = IntakeApp.DefaultNow.AddMinutes(5) }]);

    private Task PublishAsync(CasesOpened message, Guid messageId) =>
        _app.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    private async Task<JsonElement> WaitForTimelineAsync(FiledReceipt receipt, int entries)
    {
        JsonElement view = default;
        await WaitUntilAsync(async () => (view = await LookUpAsync(receipt)).GetProperty("timeline").GetArrayLength() >= entries);
        return view;
    }

    private async Task<JsonElement> LookUpAsync(FiledReceipt receipt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        return await (await _app.CreateClient().SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
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
