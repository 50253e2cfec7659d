using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// The ceiling: a bare minimal-API endpoint at the same path that reads the same JSON form and answers 201 with a small
/// JSON receipt, with nothing else (no validation, no storage). Run in a process of its own, like the intake service.
/// </summary>
internal static class BareServer
{
    public const string Command = "serve-bare";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJson.Default));
        var app = builder.Build();
        long next = 0;
        app.MapGet("/health/live", () => Results.Ok());
        app.MapPost("/api/requests", (BareForm form) =>
        {
            var number = $"DAI-2026-{Interlocked.Increment(ref next):D6}";
            return Results.Created($"/api/cases/{number}",
                new BareReceipt(Guid.CreateVersion7(), number, form.Subject is null ? "" : "ABCDE-FGHJK", DateTimeOffset.UtcNow));
        });
        await app.RunAsync();
    }
}

internal sealed record BareRequester(string? FullName, string? IdentityNumber, string? Email, string? Phone, string? Address);

internal sealed record BareForm(string? BodyCode, string? Subject, string? Description, string? Delivery, bool? Urgent,
    BareRequester? Requester, bool? Consent, string? Language);

internal sealed record BareReceipt(Guid CaseId, string TrackingNumber, string AccessCode, DateTimeOffset ReceivedAt);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BareForm))]
[JsonSerializable(typeof(BareReceipt))]
internal sealed partial class BareJson : JsonSerializerContext;
