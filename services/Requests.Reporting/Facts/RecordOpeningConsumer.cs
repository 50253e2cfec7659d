using MassTransit;
using Requests.Contracts.Routing;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records a case's receipt from routing's <see cref="CaseOpened"/>: its dimensions and dates only. Reporting binds no
/// queue to intake's <c>RequestSubmitted</c>, which carries the requester's identity, so none of it reaches this service.
/// </summary>
public sealed class RecordOpeningConsumer(FactBook facts)
    : IConsumer<CaseOpened>
{
    public async Task Consume(ConsumeContext<CaseOpened> context)
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
