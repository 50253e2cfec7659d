using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with <c>synchronous=FULL</c>: a commit is on disk before it returns,
/// so a receipt we acknowledged survives a power cut. <see cref="SqliteCheckpointer"/> copies the WAL back into the
/// database file in the background; should it fall behind, the commit that finds <paramref name="walAutocheckpointPages"/>
/// pages in the WAL does it (<c>Database:WalAutocheckpointPages</c>).
/// </summary>
public sealed class SqlitePragmas(int walAutocheckpointPages = SqlitePragmas.DefaultWalAutocheckpointPages) : DbConnectionInterceptor
{
    public const int DefaultWalAutocheckpointPages = 10000;

    private readonly string _sql = Pragmas(walAutocheckpointPages);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection, _sql);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Run(connection, _sql);
        return Task.CompletedTask;
    }

    /// <summary>The pragmas with the default checkpoint threshold, for a connection opened outside EF Core.</summary>
    public static void Apply(DbConnection connection) => Run(connection, Pragmas(DefaultWalAutocheckpointPages));

    private static string Pragmas(int walAutocheckpointPages) =>
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; " +
        $"PRAGMA wal_autocheckpoint={walAutocheckpointPages.ToString(CultureInfo.InvariantCulture)};";

    private static void Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
