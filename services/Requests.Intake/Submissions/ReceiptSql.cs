using System.Data.Common;
using Requests.Contracts.Intake;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Submissions;

/// <summary>
/// The receipt writer's statements, in SQL that SQLite and PostgreSQL both accept (names are the model's
/// snake_case columns; guids are stored as text, see <c>UseTextGuids</c>).
/// </summary>
internal static class ReceiptSql
{
    private static readonly string[] CaseColumns =
    [
        "id", "tracking_number", "regime", "kind", "body_code", "channel", "language", "subject", "description",
        "theme", "document_type", "delivery", "period_from", "period_to", "urgent", "urgent_reason",
        "requester_name", "requester_identity", "requester_email", "requester_phone", "requester_address",
        "received_at", "received_on", "due_on", "rule_version", "access_code_hash", "status", "recorded_by", "sequence", "redirected_from", "publishable",
    ];


    private static readonly string[] NoticeColumns = ["case_id", "sealed_code", "created_at"];

    private static readonly string[] DocumentColumns =
    [
        "id", "case_id", "step", "name", "size", "declared_type", "content_type", "sha256", "added_by", "added_at", "state",
        "sequence", "action_id",
    ];

    /// <summary>A file that came with the filing.</summary>
    public static DbCommand Document(DbConnection connection) =>
        Commands.Prepare(connection, Commands.Insert("documents", DocumentColumns), DocumentColumns.Length);

    public static void BindDocument(DbCommand command, DocumentRecord d) => Commands.Bind(command,
        d.Id.ToString(), d.CaseId.ToString(), d.Step, d.Name, d.Size, d.DeclaredType, d.ContentType, d.Sha256, d.AddedBy,
        d.AddedAt, d.State, d.Sequence, d.ActionId?.ToString());

    private static readonly string[] KeyColumns = ["key", "fingerprint", "case_id", "sealed_code", "created_at"];

    /// <summary>A filing's idempotency key: no row when the key is taken (none inserted, no error to undo the batch).</summary>
    public static DbCommand Key(DbConnection connection) => Commands.Prepare(connection,
        Commands.Insert("idempotency_keys", KeyColumns) + " ON CONFLICT (key) DO NOTHING", KeyColumns.Length);

    public static void BindKey(DbCommand command, IdempotencyKey k) =>
        Commands.Bind(command, k.Key, k.Fingerprint, k.CaseId.ToString(), k.SealedCode, k.CreatedAt);

    public static DbCommand PruneKeys(DbConnection connection) =>
        Commands.Prepare(connection, "DELETE FROM idempotency_keys WHERE created_at < @p0", 1);

    public static DbCommand Counter(DbConnection connection) => Commands.Prepare(connection,
        "INSERT INTO tracking_counters (key, last) VALUES (@p0, @p1) " +
        "ON CONFLICT (key) DO UPDATE SET last = tracking_counters.last + excluded.last RETURNING last", 2);

    public static DbCommand Case(DbConnection connection) =>
        Commands.Prepare(connection, Commands.Insert("cases", CaseColumns), CaseColumns.Length);

    /// <summary>The receipt to write for the case: its e-mail is rendered after the commit (ReceiptNoticeWriter).</summary>
    public static DbCommand Notice(DbConnection connection) =>
        Commands.Prepare(connection, Commands.Insert("receipt_notices", NoticeColumns), NoticeColumns.Length);

    public static void BindNotice(DbCommand command, Guid caseId, string? sealedCode, DateTime createdAt) =>
        Commands.Bind(command, caseId.ToString(), sealedCode, createdAt);

    public static void BindCase(DbCommand command, CaseRecord r) => Commands.Bind(command,
        r.Id.ToString(), r.TrackingNumber, r.Regime, r.Kind, r.BodyCode, r.Channel, r.Language, r.Subject,
        r.Description, r.Theme, r.DocumentType, r.Delivery, r.PeriodFrom, r.PeriodTo, r.Urgent, r.UrgentReason,
        r.RequesterName, r.RequesterIdentity, r.RequesterEmail, r.RequesterPhone, r.RequesterAddress,
        r.ReceivedAt, r.ReceivedOn, r.DueOn, r.RuleVersion, r.AccessCodeHash, r.Status, r.RecordedBy, r.Sequence, r.RedirectedFrom?.ToString(), r.Publishable);

    public static RequestSubmitted Submitted(CaseRecord r) => new(
        r.Id, r.TrackingNumber, r.Regime, r.Kind, r.BodyCode, r.Subject, r.Description, r.Theme, r.Urgent,
        r.UrgentReason, r.DocumentType, r.PeriodFrom, r.PeriodTo, r.Delivery, r.Language, r.Channel,
        new DateTimeOffset(r.ReceivedAt, TimeSpan.Zero), r.ReceivedOn, r.DueOn, r.RuleVersion,
        new Requester(r.RequesterName, r.RequesterIdentity, r.RequesterEmail, r.RequesterPhone, r.RequesterAddress),
        r.RedirectedFrom);
}
