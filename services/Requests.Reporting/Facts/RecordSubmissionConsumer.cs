using MassTransit;
using Requests.Contracts.Intake;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records a case's receipt: its dimensions and dates only. The message carries the requester's identity, subject
/// and description; none of it is read, so none of it can be stored here.
/// </summary>
public sealed class RecordSubmissionConsumer(FactBook facts)
    : IConsumer<RequestSubmitted>
{
    public async Task Consume(ConsumeContext<RequestSubmitted> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        var fact = await facts.FactAsync(m.CaseId, cancellationToken);
        fact.TrackingNumber = m.TrackingNumber;
        fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
        fact.ThemeId = await facts.ThemeIdAsync(m.Theme, cancellationToken);
        FactBook.SetRegime(fact, m.Regime, m.Kind);
        fact.Codes = FactCodes.WithChannel(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Channels, m.Channel)));
        if (m.Urgent)
            fact.Codes |= FactCodes.Urgent;
        fact.ReceivedDay = m.ReceivedOn.DayNumber;
        FactBook.SetDue(fact, m.DueOn, m.ReceivedAt);
        await facts.TouchAsync(fact, cancellationToken);
    }
}
