using System.Data.Common;
using System.Globalization;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;
using Requests.Routing.Cases;
using Requests.Routing.Notices;

namespace Requests.Routing.Deadlines;

/// <summary>
/// The messages of the sweep, written with its prepared commands in its transaction, only for the cases whose
/// compare-and-set took: reminders to the officer and their substitute, and on a missed deadline the overdue notice,
/// the head's escalation and the requester's notice (the silence that opens a recourse, or its equivalent).
/// The directory is read once per sweep; a missed case costs one primary-key read for its requester.
/// </summary>
internal sealed class SweepNotices : IAsyncDisposable
{
    private readonly NoticeDirectory _directory;
    private readonly NoticeLinks _links;
    private readonly DbCommand _insert;
    private readonly DbCommand _requester;
    private readonly DbCommand _outbox;

    private SweepNotices(DbConnection connection, NoticeDirectory directory, NoticeLinks links)
    {
        _directory = directory;
        _links = links;
        _insert = NoticeSql.Insert(connection);
        _requester = connection.CreateCommand();
        _requester.CommandText = "SELECT requester_email, language FROM cases WHERE id = @id";
        var id = _requester.CreateParameter();
        id.ParameterName = "@id";
        _requester.Parameters.Add(id);
        _outbox = connection.CreateCommand();
        _outbox.CommandText = "INSERT INTO outbox_messages (message_id, message_type, body, created_at) VALUES (@o0, @o1, @o2, @o3)";
        for (var i = 0; i < 4; i++)
        {
            var parameter = _outbox.CreateParameter();
            parameter.ParameterName = $"@o{i}";
            _outbox.Parameters.Add(parameter);
        }
    }

    private static void Bind(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }

    public static async Task<SweepNotices> OpenAsync(DbConnection connection, NoticeLinks links, CancellationToken cancellationToken) =>
        new(connection, await NoticeDirectory.LoadAsync(connection, cancellationToken), links);

    public void Enlist(DbTransaction transaction) => _insert.Transaction = _requester.Transaction = _outbox.Transaction = transaction;

    /// <summary>A reminder to each officer told; keyed on the deadline, its date and the stage, as the reminder itself.</summary>
    public async Task RemindedAsync(DueCase row, SweepStep step, IReadOnlyList<string> officers, int left, DateTime at,
        CancellationToken cancellationToken)
    {
        var scope = string.Create(CultureInfo.InvariantCulture, $"{row.Id}:{row.Deadline}:{step.DueOn:yyyy-MM-dd}:{(int)step.Stage}");
        foreach (var id in officers)
        {
            if (_directory.Officer(id) is not { } officer)
                continue;
            var notice = new DeadlineReminder(officer.Name, row.TrackingNumber, row.Deadline!, step.DueOn, left, _links.Case(row.Id));
            await InsertAsync(scope, notice, _links.StaffLanguage, officer.Email, row.Id, at, cancellationToken);
        }
    }

    /// <summary>The notices of a missed deadline, keyed on the move's sequence like its <c>CaseMoved</c>.</summary>
    public async Task MissedAsync(DueCase row, SweepStep step, DateOnly? recourseLastDay, AlertRecipients recipients,
        RuleBook rules, HolidayCalendar calendar, DateTime at, CancellationToken cancellationToken)
    {
        var headAnswer = row.Deadline == CaseClock.HeadAnswerDeadline;
        var officers = headAnswer ? recipients.ForHeadAnswer(row.BodyCode) : recipients.ForAnswer(row.OfficerId, row.BodyCode);
        var head = recipients.HeadOf(row.BodyCode);
        var scope = string.Create(CultureInfo.InvariantCulture, $"{row.Id}:{row.Version + 1}");
        var caseUrl = _links.Case(row.Id);
        foreach (var id in officers)
        {
            if (_directory.Officer(id) is { } officer)
                await InsertAsync(scope, new OverdueNotice(officer.Name, row.TrackingNumber, row.Deadline!, step.DueOn, recourseLastDay,
                    caseUrl), _links.StaffLanguage, officer.Email, row.Id, at, cancellationToken);
        }
        if (_directory.Officer(head) is { } chief && !officers.Contains(head!))
            await InsertAsync(scope, new EscalationNotice(chief.Name, row.TrackingNumber, _directory.Body(row.BodyCode),
                _directory.Officer(row.OfficerId)?.Name, step.DueOn, recourseLastDay, caseUrl), _links.StaffLanguage, chief.Email,
                row.Id, at, cancellationToken);

        var body = _directory.Body(row.BodyCode);
        var follow = _links.Follow(row.TrackingNumber);
        // the head's silence on a recourse opens the complaint to the Commission (CDAI), 30 days from its expiry
        IEmailTemplate notice = headAnswer
            ? new HeadSilenceNotice(row.TrackingNumber, body, step.DueOn,
                LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Commission, step.DueOn), rules, calendar), follow)
            : recourseLastDay is { } lastDay
                ? new SilenceNotice(row.TrackingNumber, body, step.DueOn, lastDay, follow)
                : new ComplaintDelayNotice(row.TrackingNumber, row.Kind, body, step.DueOn, follow);
        _requester.Parameters[0].Value = row.Id;
        string? email = null, language = null;
        await using (var reader = await _requester.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                email = reader.IsDBNull(0) ? null : reader.GetString(0);
                language = reader.GetString(1);
            }
        }
        // the requester's timeline shows the notice: intake is told in the same transaction
        if (await InsertAsync(scope, notice, Languages.Parse(language), email, row.Id, at, cancellationToken) is { } added
            && CitizenNoticeRelay.For(added, row.TrackingNumber, at) is { } message)
        {
            Bind(_outbox, message.MessageId.ToString("D"), message.MessageType, message.Body, message.CreatedAt);
            await _outbox.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private Task<Notification?> InsertAsync(string scope, IEmailTemplate notice, Language language, string? email, string caseId, DateTime at,
        CancellationToken cancellationToken) =>
        NoticeSql.InsertAsync(_insert, NotificationKey.For(scope, notice.Name, email), notice, language,
            email, caseId, at, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _requester.DisposeAsync();
        await _outbox.DisposeAsync();
    }
}
