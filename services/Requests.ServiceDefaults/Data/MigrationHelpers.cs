using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Helpers for hand-written migrations that run on SQLite and PostgreSQL alike: column types come from the CLR
/// type through each provider's own mapping, and each provider reads only its own annotations.
/// </summary>
public static class MigrationHelpers
{
    public static OperationBuilder<AddColumnOperation> AutoIncrement(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>The outbox and inbox tables of <c>MessagingModel.AddOutboxAndInbox</c>.</summary>
    public static void CreateOutboxAndInbox(this MigrationBuilder migration)
    {
        migration.CreateTable("outbox_messages", table => new
        {
            seq = table.Column<long>(nullable: false).AutoIncrement(),
            message_id = table.Column<string>(nullable: false),
            message_type = table.Column<string>(maxLength: 200, nullable: false),
            body = table.Column<string>(nullable: false),
            created_at = table.Column<DateTime>(nullable: false),
            sent_at = table.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_outbox_messages", x => x.seq));
        migration.CreateIndex("ix_outbox_messages_message_id", "outbox_messages", "message_id", unique: true);
        migration.CreateIndex("ix_outbox_messages_unsent", "outbox_messages", "seq", filter: "sent_at IS NULL");

        migration.CreateTable("inbox_messages", table => new
        {
            message_id = table.Column<string>(nullable: false),
            consumer = table.Column<string>(maxLength: 200, nullable: false),
            handled_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer }));
    }
}
