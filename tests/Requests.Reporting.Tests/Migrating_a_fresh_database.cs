using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Reporting.Storage;
using Requests.Testing;

namespace Requests.Reporting.Tests;

// The migration is written by hand: it must build exactly the database the EF model describes.
public sealed class Migrating_a_fresh_database : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Applies_every_migration_at_start()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains("20261127000000_Initial", await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Creates_the_tables_columns_and_indexes_of_the_model()
    {
        string script;
        using (var scope = _app.Services.CreateScope())
            script = scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.GenerateCreateScript();
        var modelFile = Path.Combine(Path.GetDirectoryName(_app.DatabaseFile)!, "model.db");
        await using var migrated = _app.OpenDatabase();

        var expected = await SqliteSchema.OfScriptAsync(script, modelFile);
        Assert.Contains("table case_facts", expected);
        Assert.Contains("table bodies", expected);
        Assert.Equal(expected, await SqliteSchema.ReadAsync(migrated));
    }
}
