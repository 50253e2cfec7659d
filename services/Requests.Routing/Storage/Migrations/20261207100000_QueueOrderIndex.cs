using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

/// <summary>
/// The queue's order as an index: a body's cases by the deadline that runs now (the expression of <c>GET /api/queue</c>,
/// written the same), then received time and tracking number, with the status to filter on. A page of a large queue is
/// then read in order instead of sorting every case of the body. The same SQL on SQLite and PostgreSQL; EF's model
/// cannot describe an index on an expression, so it is only here.
/// </summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261207100000_QueueOrderIndex")]
public sealed class QueueOrderIndex : Migration
{
    public const string Name = "ix_cases_queue";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            CREATE INDEX {Name} ON cases (body_code,
                (CASE WHEN status IN ('under-recourse', 'recourse-deadline-missed') AND recourse_due_on IS NOT NULL THEN recourse_due_on ELSE due_on END),
                received_at, tracking_number, status)
            """);
}
