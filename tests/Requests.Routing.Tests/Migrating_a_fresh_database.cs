using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Routing.Storage;
using Requests.Testing;

namespace Requests.Routing.Tests;

// The migration is written by hand: it must build exactly the database the EF model describes.
public sealed class Migrating_a_fresh_database : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Applies_every_migration_at_start()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains("20261123000000_Initial", await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Creates_the_tables_columns_and_indexes_of_the_model()
    {
        string script;
        using (var scope = _app.Services.CreateScope())
            script = scope.ServiceProvider.GetRequiredService<RoutingDbContext>().Database.GenerateCreateScript();
        var modelFile = Path.Combine(Path.GetDirectoryName(_app.DatabaseFile)!, "model.db");
        await using var migrated = _app.OpenDatabase();

        var expected = await SqliteSchema.OfScriptAsync(script, modelFile);
        // the one index the model cannot describe: on the queue's order, an expression (QueueOrderIndex)
        expected.Add("index cases.ix_cases_queue (body_code, , received_at, tracking_number, status) unique=0 origin=c");
        expected.Sort(StringComparer.Ordinal);
        Assert.Contains("table cases", expected);
        Assert.Contains("table officer_leaves", expected);
        Assert.Equal(expected, await SqliteSchema.ReadAsync(migrated));
    }
}
