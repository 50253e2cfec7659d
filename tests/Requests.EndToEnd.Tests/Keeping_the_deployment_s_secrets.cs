using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// docker-compose.yml holds no password and publishes only the entry points; the secrets come from an .env file the
/// project's script writes with fresh values, readable by its owner only; the scripts keep .run/ to its owner.
/// </summary>
[UnsupportedOSPlatform("windows")] // the scripts are bash, the file modes Unix's
public sealed partial class Keeping_the_deployment_s_secrets : IDisposable
{
    private static readonly string Root = Path.GetDirectoryName(Environment.GetEnvironmentVariable("REQUESTS_INFRA")
        ?? throw new InvalidOperationException("REQUESTS_INFRA is not set: run ./test.sh"))!;

    private readonly string _folder = Directory.CreateTempSubdirectory("requests-secrets-").FullName;

    [Fact]
    public void The_compose_file_takes_every_password_from_the_environment_and_publishes_only_the_entry_points()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docker-compose.yml"));

        Assert.All(lines.Select(l => PasswordValue().Match(l)).Where(m => m.Success),
            m => Assert.StartsWith("${", m.Groups[1].Value, StringComparison.Ordinal));
        string? service = null;
        var published = new List<string>();
        foreach (var line in lines)
        {
            if (ServiceName().Match(line) is { Success: true } name)
                service = name.Groups[1].Value;
            else if (line.Trim() == "ports:")
                published.Add(service!);
        }
        Assert.Equal(["proxy"], published); // the proxy in front of every instance
    }

    [Fact]
    public void The_env_script_writes_fresh_secrets_readable_by_their_owner_only_and_keeps_them()
    {
        var (first, second) = (Path.Combine(_folder, "first.env"), Path.Combine(_folder, "second.env"));

        Bash($"umask 000; infra/docker/env.sh '{first}'; infra/docker/env.sh '{second}'");
        var written = File.ReadAllText(first);
        Bash($"infra/docker/env.sh '{first}'");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first));
        foreach (var name in new[] { "POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "RABBITMQ_COOKIE", "ADMIN_PASSWORD" })
            Assert.Matches($"(?m)^{name}=[A-Za-z0-9]{{32}}$", written);
        Assert.NotEqual(File.ReadAllText(second), written);
        Assert.Equal(written, File.ReadAllText(first));
    }

    [Fact]
    public void The_scripts_keep_the_run_folder_to_its_owner()
    {
        var run = Path.Combine(_folder, "run");

        Bash($"umask 000; export REQUESTS_RUN_DIR='{run}'; source infra/lib.sh; touch \"$RUN_DIR/log\"; mkdir \"$RUN_DIR/data\"; " +
            "umask 000; echo secret | write_private \"$RUN_DIR/secrets.env\"");

        Assert.Equal((UnixFileMode)Convert.ToInt32("711", 8), File.GetUnixFileMode(run));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(run, "log")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(run, "data")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(run, "secrets.env")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Bash(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"set -euo pipefail; {script}"])
        {
            WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }

    [GeneratedRegex(@"(?i)(?:pass(?:word)?)\s*[:=]\s*(\S+)")]
    private static partial Regex PasswordValue();

    [GeneratedRegex(@"^  ([a-z0-9-]+):")]
    private static partial Regex ServiceName();
}
