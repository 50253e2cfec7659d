using System.Data.Common;
using Requests.Routing.Notices;

namespace Requests.Routing.Deadlines;

/// <summary>What the sweep records for the notices of each alert it makes, in its own transaction and only when the
/// compare-and-set took: one small row per case in <c>alert_notices</c>, never lost with the alert and never without it.
/// Rendering the e-mails (two to five per case, kilobytes each) would cost the sweep several times its own work:
/// <see cref="AlertNotices"/> writes them from these rows right after the sweep commits.</summary>
internal sealed class SweepNotices(DbConnection connection) : IAsyncDisposable
{
    private readonly DbCommand _insert = AlertNotices.Insert(connection);

    public void Enlist(DbTransaction transaction) => _insert.Transaction = transaction;

    /// <summary>A reminder: its key is the deadline, its date and the stage, as the reminder itself.</summary>
    public Task RemindedAsync(DueCase row, SweepStep step, int left, DateTime at, CancellationToken cancellationToken) =>
        AlertNotices.InsertAsync(_insert, row.Id, AlertNotices.Reminder, (int)step.Stage, row.Deadline!, step.DueOn, left, null, at,
            cancellationToken);

    /// <summary>A missed deadline: its key is the move's sequence, as its <c>CaseMoved</c>.</summary>
    public Task MissedAsync(DueCase row, SweepStep step, DateOnly? recourseLastDay, DateTime at, CancellationToken cancellationToken) =>
        AlertNotices.InsertAsync(_insert, row.Id, AlertNotices.Missed, row.Version + 1, row.Deadline!, step.DueOn, 0, recourseLastDay,
            at, cancellationToken);

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
