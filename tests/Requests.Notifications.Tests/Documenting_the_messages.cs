namespace Requests.Notifications.Tests;

// docs/notifications shows each message as it is sent: it must follow the templates
public sealed class Documenting_the_messages
{
    [Fact]
    public void The_committed_samples_are_what_the_templates_write()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "notifications");
        var expected = Samples.Samples.Files();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, content) in expected)
        {
            Assert.True(content == File.ReadAllText(Path.Combine(folder, name)),
                $"docs/notifications/{name} is out of date: run `dotnet run --project tools/Requests.Notifications.Samples`.");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Requests.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (Requests.sln) is not above the test's output folder.");
    }
}
