using System.Text.Json;
using Requests.Contracts.Routing;

namespace Requests.Routing.Tests;

/// <summary>The directory snapshots a routing app has written to its outbox, oldest first.</summary>
public static class DirectoryOutbox
{
    public static async Task<List<BodyDirectoryPublished>> SnapshotsAsync(RoutingApp app) =>
        [.. (await app.QueryAsync(
                $"SELECT body FROM outbox_messages WHERE message_type = '{typeof(BodyDirectoryPublished).FullName}' ORDER BY seq"))
            .Select(row => JsonSerializer.Deserialize<BodyDirectoryPublished>((string)row["body"]!, JsonSerializerOptions.Web)!)];
}
