using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Tests;

/// <summary>
/// A case page is built from several queries; they read one snapshot, so a commit landing between two of them
/// (a status and its timeline step) never shows half of itself.
/// </summary>
public sealed class Reading_a_case_in_one_snapshot : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Queries_inside_a_snapshot_do_not_see_a_later_commit()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();

        await using (await db.BeginSnapshotAsync(CancellationToken.None))
        {
            Assert.Equal("received", await StatusAsync(db, receipt));
            await using (var other = _app.OpenDatabase())
            await using (var update = other.CreateCommand())
            {
                update.CommandText = "UPDATE cases SET status = 'assigned' WHERE tracking_number = $number";
                update.Parameters.AddWithValue("$number", receipt.TrackingNumber);
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }

            Assert.Equal("received", await StatusAsync(db, receipt));
        }

        Assert.Equal("assigned", await StatusAsync(db, receipt));
    }

    private static Task<string> StatusAsync(IntakeDbContext db, FiledReceipt receipt) =>
        db.Cases.AsNoTracking().Where(c => c.TrackingNumber == receipt.TrackingNumber).Select(c => c.Status).SingleAsync();
}
