using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with <c>synchronous=FULL</c>: a commit is on disk before it returns,
/// so a receipt we acknowledged survives a power cut. The WAL is copied back into the database file (a checkpoint,
/// run by the commit that crosses the threshold) every <paramref name="walAutocheckpointPages"/> pages: larger means
/// fewer checkpoints for a high write rate, smaller means shorter pauses for the commit that runs one
/// (<c>Database:WalAutocheckpointPages</c>).
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
