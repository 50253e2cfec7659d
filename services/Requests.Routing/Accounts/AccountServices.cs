using Microsoft.AspNetCore.Identity;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Accounts;

/// <summary>ASP.NET Core Identity for staff (hashed passwords; guessing slowed by <see cref="SignInThrottle"/>, never a lockout) and the tokens routing signs, which every service
/// checks with routing's public key (<see cref="StaffAuthentication"/>).</summary>
public static class AccountServices
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var keyFile = builder.Configuration["Auth:SigningKeyFile"];
        if (string.IsNullOrEmpty(keyFile))
            keyFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.Create), "Requests", "routing-signing-key.pem");
        var key = StaffSigningKey.LoadOrCreate(keyFile);
        builder.Services.AddSingleton(key);
        builder.Services.AddScoped<StaffSessions>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                // length rather than composition rules (NIST SP 800-63B): a passphrase of 12 characters or more
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<RoutingDbContext>()
            .AddSignInManager();
        builder.AddStaffAuthentication(key.Public);
        return builder;
    }

    /// <summary>The first administrator, from settings (<c>Routing:Admin:UserName</c>, <c>Routing:Admin:Password</c>,
    /// <c>Routing:Admin:Email</c>), created when no account of that name exists; the others come through the API.</summary>
    public static async Task EnsureAdministratorAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var name = configuration["Routing:Admin:UserName"];
        var password = configuration["Routing:Admin:Password"];
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
            return;
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(name) is not null)
            return;
        var admin = new StaffUser
        {
            UserName = name, Email = configuration["Routing:Admin:Email"] ?? $"{name}@localhost", Role = StaffRoles.Admin,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException(
                $"The administrator account could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        logger.LogInformation("Administrator account {UserName} created", name);
    }
}
