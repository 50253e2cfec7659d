using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>
/// Filings spread over two intake instances, their submissions taken by whichever of two routing instances gets them
/// first: each case is opened and assigned once, the least-loaded officer stays exact, and the tracking numbers of a
/// year stay unique and without a gap.
/// </summary>
[Collection(SharedInstances.Name)]
public sealed class Filing_through_two_instances(TwoOfEach system)
{
    [Fact]
    public async Task Every_submission_opens_one_case_and_one_assignment_whichever_instance_takes_it()
    {
        var receipts = await FileAsync("MSPS", 500);

        await system.WaitForAsync(system.RoutingDatabase,
            "SELECT count(*) FROM cases WHERE body_code = 'MSPS' AND assigned_officer_id IS NOT NULL", 500);
        Assert.Equal(500, receipts.Select(r => r.CaseId).Distinct().Count());
        var cases = await TwoOfEach.RowsAsync(system.RoutingDatabase,
            "SELECT id, tracking_number FROM cases WHERE body_code = 'MSPS' ORDER BY id");
        Assert.Equal(receipts.Select(r => (r.CaseId.ToString(), r.TrackingNumber)).Order(),
            cases.Select(c => ((string)c[0], (string)c[1])).Order());
        var assignments = await TwoOfEach.RowsAsync(system.RoutingDatabase, """
            SELECT a.case_id, count(*) FROM case_audit_entries a JOIN cases c ON c.id = a.case_id
            WHERE c.body_code = 'MSPS' AND a.action = 'assign' GROUP BY a.case_id
            """);
        Assert.Equal(500, assignments.Count);
        Assert.All(assignments, a => Assert.Equal(1L, (long)a[1]));
        Assert.Equal(500L, await TwoOfEach.ScalarAsync<long>(system.RoutingDatabase,
            """
            SELECT count(*) FROM outbox_messages m, json_array_elements(m.body::json -> 'cases') c
            WHERE m.message_type LIKE '%CasesOpened' AND c ->> 'bodyCode' = 'MSPS' AND c ->> 'officerId' IS NOT NULL
            """));
        // both routing instances take from the one queue
        var queue = (await system.Broker.QueuesAsync()).Single(q => q.Name == "assign-case-on-submission");
        Assert.Equal(2, queue.Consumers);
    }

    [Fact]
    public async Task The_least_loaded_officer_stays_exact_with_two_routing_instances_assigning_at_once()
    {
        using var admin = await Steps.SignInAsync(system.RoutingB, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        foreach (var id in new[] { "COM-CASA-O3", "COM-CASA-O4" })
        {
            var added = await admin.PostAsJsonAsync("/api/directory/officers", new
            {
                id, bodyCode = "COM-CASA", fullName = $"Officer {id}", email = $"{id.ToLowerInvariant()}@casa.gov.ma", role = "designated",
            });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        // in rounds, each checked: every assignment goes to one of the officers with the fewest open cases
        var filed = 0;
        for (var round = 0; round < 5; round++)
        {
            filed += (await FileAsync("COM-CASA", 120)).Count;
            await system.WaitForAsync(system.RoutingDatabase,
                "SELECT count(*) FROM cases WHERE body_code = 'COM-CASA' AND assigned_officer_id IS NOT NULL", filed);
            var loads = (await TwoOfEach.RowsAsync(system.RoutingDatabase, """
                SELECT o.id, count(c.id) FROM officers o
                LEFT JOIN cases c ON c.assigned_officer_id = o.id AND c.status = 'assigned'
                WHERE o.body_code = 'COM-CASA' AND o.role = 'designated' GROUP BY o.id
                """)).ToDictionary(r => (string)r[0], r => (long)r[1]);
            Assert.Equal(4, loads.Count);
            Assert.True(loads.Values.Max() - loads.Values.Min() <= 1,
                $"after {filed} filings: {string.Join(", ", loads.OrderBy(l => l.Key).Select(l => $"{l.Key} {l.Value}"))}");
        }
    }

    [Fact]
    public async Task Tracking_numbers_stay_unique_and_without_a_gap_across_intake_instances()
    {
        // requests and complaints filed together through both instances: group commits that number both regimes at once
        var answers = await Task.WhenAll(Enumerable.Range(0, 400).Select(async n =>
        {
            using var http = new HttpClient { BaseAddress = system.Intakes[n % 2].Address };
            var (path, form) = n % 3 == 0 ? ("/api/complaints", Complaint(n)) : ("/api/requests", Filing.InformationRequest(n));
            var response = await http.PostAsJsonAsync(path, form);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, a.Body));
        var numbers = answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("trackingNumber").GetString()!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        // every number intake ever gave, per regime and year: 1, 2, 3... with none twice and none missing
        var stored = (await TwoOfEach.RowsAsync(system.IntakeDatabase, "SELECT tracking_number FROM cases")).Select(r => (string)r[0]).ToList();
        Assert.Superset(numbers.ToHashSet(), stored.ToHashSet());
        foreach (var counter in stored.GroupBy(n => n[..^7]))
            Assert.Equal(Enumerable.Range(1, counter.Count()),
                counter.Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order());
    }

    /// <summary>Files <paramref name="count"/> requests to <paramref name="bodyCode"/>, half through each intake instance, all at once.</summary>
    private async Task<List<Receipt>> FileAsync(string bodyCode, int count)
    {
        var receipts = await Task.WhenAll(Enumerable.Range(0, count).Select(async n =>
        {
            using var http = new HttpClient { BaseAddress = system.Intakes[n % 2].Address };
            var form = JsonSerializer.SerializeToNode(Filing.InformationRequest(n))!;
            form["bodyCode"] = bodyCode;
            var response = await http.PostAsJsonAsync("/api/requests", form);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
        }));
        return [.. receipts];
    }

    private static object Complaint(int n) => new
    {
        kind = "complaint", bodyCode = "MEF", subject = $"Fuite d'eau {n}", description = "Une canalisation fuit devant l'école.",
        theme = "water", language = "fr", consent = true,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = "amina@example.ma" },
    };
}
