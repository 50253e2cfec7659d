using System.Data.Common;
using Requests.Routing.Storage;

namespace Requests.Routing.Deadlines;

/// <summary>Who is told of a deadline, from the directory as it stands when the sweep starts: the officer in charge with
/// their substitute, and the head of each body. Read once per sweep, not once per case.</summary>
public sealed class AlertRecipients
{
    private readonly Dictionary<string, List<string>> _substitutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _standsFor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _heads = new(StringComparer.Ordinal);

    public static async Task<AlertRecipients> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var recipients = new AlertRecipients();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, body_code, role, substitute_of FROM officers ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            var role = reader.GetString(2);
            if (role == OfficerRoles.Head)
                recipients._heads.TryAdd(reader.GetString(1), id);
            else if (role == OfficerRoles.Substitute && !reader.IsDBNull(3))
            {
                var designated = reader.GetString(3);
                recipients._standsFor[id] = designated;
                if (!recipients._substitutes.TryGetValue(designated, out var list))
                    recipients._substitutes[designated] = list = [];
                list.Add(id);
            }
        }
        return recipients;
    }

    /// <summary>The head of a body, or null when the directory has none.</summary>
    public string? HeadOf(string bodyCode) => _heads.GetValueOrDefault(bodyCode);

    /// <summary>For the body's answer: the assigned officer and whoever stands in with them (their substitute, or, for a
    /// substitute, the officer they stand in for). A case nobody was given goes to the head, so someone is told.</summary>
    public IReadOnlyList<string> ForAnswer(string? assignedOfficerId, string bodyCode)
    {
        if (assignedOfficerId is null)
            return HeadOf(bodyCode) is { } head ? [head] : [];
        var ids = new List<string> { assignedOfficerId };
        if (_substitutes.TryGetValue(assignedOfficerId, out var substitutes))
            ids.AddRange(substitutes);
        if (_standsFor.TryGetValue(assignedOfficerId, out var designated))
            ids.Add(designated);
        return ids;
    }

    /// <summary>For the head's answer to a recourse: the head of the body.</summary>
    public IReadOnlyList<string> ForHeadAnswer(string bodyCode) => HeadOf(bodyCode) is { } head ? [head] : [];
}
