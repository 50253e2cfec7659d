using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// <c>--phases documents</c>: a file uploaded through the API (a complaint with its file, multipart) and downloaded
/// again with the access code, on the real intake process, next to a raw copy of the same file on the same disk; for
/// a 10 MB and a 100 MB file, each with intake's peak resident memory while it ran (sampled every 10 ms), which must
/// not grow with the file's size.
/// </summary>
internal static class DocumentTransfer
{
    private static readonly int[] SizesMb = [10, 100];

    public static async Task RunAsync(string data, Func<Dictionary<string, string>, Dictionary<string, string>> withServerSettings)
    {
        var folder = Directory.CreateDirectory(Path.Combine(data, "documents")).FullName;
        var environment = withServerSettings(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Database"] = $"Data Source={Path.Combine(folder, "intake.db")}",
            ["RabbitMq__Transport"] = "inmemory",
            ["Intake__RateLimits__SubmissionsPerMinute"] = "100000",
            ["Intake__RateLimits__LookupsPerMinute"] = "100000",
            ["Notifications__Enabled"] = "false",
            ["Documents__MaxFileBytes"] = "209715200",
        });
        Console.WriteLine("\nDocuments: upload and download through intake's API, next to a raw copy on the same disk");
        await using var server = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll"), "",
            environment, Path.Combine(data, "intake-documents.log"), "/health/live", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://{server.Host}"), Timeout = TimeSpan.FromMinutes(10) };
        Console.WriteLine($"  intake pid {server.Process.Id}, data {folder}; resident memory at rest {Rss(server.Process.Id) / 1e6:0} MB");
        Console.WriteLine();
        Console.WriteLine($"  {"file",-8} {"operation",-22} {"seconds",8} {"MB/s",8} {"intake peak RSS",16}");
        foreach (var sizeMb in SizesMb)
        {
            var source = Path.Combine(folder, $"file-{sizeMb}.pdf");
            var hash = WriteFile(source, sizeMb * 1_000_000L);
            // a copy of the file first, so the API reads it from the page cache as the raw copy does
            var copy = Time(() => File.Copy(source, Path.Combine(folder, $"copy-{sizeMb}.pdf"), overwrite: true));
            Print(sizeMb, "raw copy (same disk)", copy, null);

            using var sampler = new PeakMemory(server.Process.Id);
            var (number, code, id) = await UploadAsync(http, source);
            var upload = sampler.Stop();
            Print(sizeMb, "upload (POST, 201)", upload.Elapsed, upload.PeakBytes);

            using var downloadSampler = new PeakMemory(server.Process.Id);
            var downloaded = await DownloadAsync(http, number, code, id, Path.Combine(folder, $"download-{sizeMb}.pdf"));
            var download = downloadSampler.Stop();
            Print(sizeMb, "download (GET, 200)", download.Elapsed, download.PeakBytes);
            if (downloaded != hash)
                throw new InvalidOperationException($"The {sizeMb} MB file came back with another SHA-256: {downloaded}, not {hash}.");
            foreach (var file in Directory.GetFiles(folder, $"*-{sizeMb}.pdf"))
                File.Delete(file);
        }
        Console.WriteLine("  (MB = 10^6 bytes; the peak is intake's resident set while the transfer ran; every file came back with its SHA-256)");
    }

    private static async Task<(string Number, string Code, string Id)> UploadAsync(HttpClient http, string path)
    {
        await using var file = File.OpenRead(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""
                {"kind":"complaint","bodyCode":"MEF","subject":"Benchmark","description":"A large file.","theme":"other",
                 "consent":true,"language":"fr","requester":{"fullName":"Amina Alaoui","identityNumber":"AB123456","phone":"+212612345678"}}
                """, Encoding.UTF8, "application/json"), "form" },
            { new StreamContent(file, 81920) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", Path.GetFileName(path) },
        };
        using var response = await http.PostAsync(new Uri("/api/complaints", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
            throw new InvalidOperationException($"The upload answered {(int)response.StatusCode}: {body}");
        var receipt = JsonDocument.Parse(body).RootElement;
        var (number, code) = (receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("accessCode").GetString()!);
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{number}/documents") { Headers = { { "X-Access-Code", code } } };
        using var listed = await http.SendAsync(list);
        var id = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("documents")[0].GetProperty("id").GetString()!;
        return (number, code, id);
    }

    private static async Task<string> DownloadAsync(HttpClient http, string number, string code, string id, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{number}/documents/{id}") { Headers = { { "X-Access-Code", code } } };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = File.Create(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string WriteFile(string path, long size)
    {
        var random = new Random(size.GetHashCode());
        var buffer = new byte[1024 * 1024];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(path))
        {
            for (long written = 0; written < size; written += buffer.Length)
            {
                random.NextBytes(buffer);
                if (written == 0)
                    "%PDF-1.7\n"u8.CopyTo(buffer);
                var count = (int)Math.Min(buffer.Length, size - written);
                file.Write(buffer, 0, count);
                hash.AppendData(buffer, 0, count);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Print(int sizeMb, string operation, TimeSpan elapsed, long? peak) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {sizeMb + " MB",-8} {operation,-22} {elapsed.TotalSeconds,8:0.000} {sizeMb / elapsed.TotalSeconds,8:0} {(peak is { } p ? $"{p / 1e6:0} MB" : ""),16}"));

    /// <summary>The process's resident set (VmRSS), in bytes.</summary>
    public static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    /// <summary>Samples a process's resident memory every 10 ms until stopped; keeps the highest.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public PeakMemory(int pid) => _sampling = Task.Run(async () =>
        {
            long peak = 0;
            while (!_stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid));
                await Task.Delay(10).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            return Math.Max(peak, Rss(pid));
        });

        public (TimeSpan Elapsed, long PeakBytes) Stop()
        {
            var elapsed = _watch.Elapsed;
            _stop.Cancel();
            return (elapsed, _sampling.GetAwaiter().GetResult());
        }

        public void Dispose() => _stop.Dispose();
    }
}
