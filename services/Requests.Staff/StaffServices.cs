using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Requests.Staff.Api;
using Requests.ServiceDefaults.Http;
using Requests.Staff.Workspace;

namespace Requests.Staff;

/// <summary>
/// The staff workspace: server-rendered pages (Razor Pages) that call intake, routing and reporting through their
/// public HTTP APIs with the signed-in staff member's token. It keeps no data of its own.
/// </summary>
public static class StaffServices
{
    public static WebApplicationBuilder AddStaffWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Language");
        }).AddViewLocalization();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Arabic written as letters in the page, not as character references
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "requests.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // the key ring that protects the session cookie and the antiforgery tokens: every instance must read what another
        // wrote, so DataProtection:KeysPath names one folder they all share (unset: each machine keeps its own)
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
            builder.Services.AddDataProtection().SetApplicationName("Requests.Staff").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.AddWorkspaceSignIn();
        builder.AddServiceApi();
        return builder;
    }

    public static WebApplication UseStaffWorkspace(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseRequestLocalization(WorkspaceLanguages.Options());
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/live");
        return app;
    }
}
