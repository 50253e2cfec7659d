using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records each case's receipt, and its due date at assignment, from routing's <see cref="CasesOpened"/>: their dimensions
/// and dates only. Reporting binds no queue to intake's <c>SubmissionsStored</c>, which carries the requester's identity,
/// so none of it reaches this service.
/// </summary>
public sealed class RecordOpeningConsumer(FactBook facts)
    : IConsumer<CasesOpened>
{
    public async Task Consume(ConsumeContext<CasesOpened> context)
    {
        var cancellationToken = context.CancellationToken;
        var cases = context.Message.Cases;
        // the bodies and themes first: a new one is saved at once, which must come before any fact of the batch changes
        var bodies = new Dictionary<string, int>(StringComparer.Ordinal);
        var themes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in cases)
        {
            if (!bodies.ContainsKey(m.BodyCode))
                bodies[m.BodyCode] = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
            if (!themes.ContainsKey(m.Theme ?? ""))
                themes[m.Theme ?? ""] = await facts.ThemeIdAsync(m.Theme, cancellationToken);
        }
        // then the facts, then the years' versions, the earlier years first: on PostgreSQL a batch then takes its locks
        // in the order a single event takes them (its fact, then its year), and two batches never wait on each other
        var opened = new List<(CaseOpened Message, CaseFact Fact)>(cases.Count);
        foreach (var m in cases)
            opened.Add((m, await facts.FactAsync(m.CaseId, cancellationToken)));
        foreach (var (m, fact) in opened)
        {
            fact.TrackingNumber = m.TrackingNumber;
            fact.BodyId = bodies[m.BodyCode];
            fact.ThemeId = themes[m.Theme ?? ""];
            FactBook.SetRegime(fact, m.Regime, m.Kind);
            fact.Codes = FactCodes.WithChannel(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Channels, m.Channel)));
            if (m.Urgent)
                fact.Codes |= FactCodes.Urgent;
            fact.ReceivedDay = m.ReceivedOn.DayNumber;
            FactBook.SetDue(fact, m.DueOn, m.AssignedAt ?? m.ReceivedAt);
        }
        foreach (var (_, fact) in opened.OrderBy(o => o.Message.ReceivedOn))
            await facts.TouchAsync(fact, cancellationToken);
    }
}
