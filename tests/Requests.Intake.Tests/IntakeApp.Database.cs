using System.Text.Json;
using Microsoft.Data.Sqlite;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Messaging;
using Requests.Testing;

namespace Requests.Intake.Tests;

// What the service stored, read straight from its SQLite file.
public sealed partial class IntakeApp
{
    /// <summary>A connection of our own to the service's file, outside the app (WAL lets us read while it writes).</summary>
    public SqliteConnection OpenDatabase()
    {
        _ = Services; // starts the app, which creates the database, if no request did yet
        return SqliteQueries.Open(DatabaseFile);
    }

    /// <summary>Cases and outbox messages: what a rejected filing must leave as it was.</summary>
    public async Task<(long Cases, long Messages)> StoredAsync() =>
        (await CountAsync("cases"), await CountAsync("outbox_messages"));

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.CountAsync(connection, table, where);
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.QueryAsync(connection, sql);
    }

    /// <summary>The filings the outbox's <see cref="SubmissionsStored"/> messages carry, in order, each with its message's id.</summary>
    public async Task<List<(Guid MessageId, RequestSubmitted Submitted)>> SubmittedAsync() =>
        [.. (await QueryAsync($"SELECT message_id, body FROM outbox_messages WHERE message_type = '{typeof(SubmissionsStored).FullName}' ORDER BY seq"))
            .SelectMany(row => JsonSerializer.Deserialize<SubmissionsStored>((string)row["body"]!, OutboxMessage.Json)!.Submissions
                .Select(submitted => (Guid.Parse((string)row["message_id"]!), submitted)))];
}
