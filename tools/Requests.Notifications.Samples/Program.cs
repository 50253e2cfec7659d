using Requests.Notifications.Samples;

// Writes docs/notifications/ (or the folder given as the first argument) from the templates and their sample data.
var folder = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "docs", "notifications");
Directory.CreateDirectory(folder);
foreach (var (name, content) in Samples.Files())
    await File.WriteAllTextAsync(Path.Combine(folder, name), content);
Console.WriteLine($"{Samples.Files().Count} files written to {Path.GetFullPath(folder)}");

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Requests.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("Run this from inside the repository, or give the output folder as an argument.");
}
