using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests;

public sealed class Configuring_notifications : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDbContext<NotificationsDb>(_database.Configure);
        builder.AddNotifications<NotificationsDb>();
        return builder.Build();
    }

    [Fact]
    public void Reads_the_Smtp_and_Notifications_sections()
    {
        using var host = Build(new()
        {
            ["Smtp:Host"] = "smtp.gov.ma",
            ["Smtp:Port"] = "587",
            ["Smtp:Security"] = "starttls",
            ["Smtp:UserName"] = "requests",
            ["Smtp:Password"] = "secret",
            ["Smtp:FromAddress"] = "no-reply@chafafiya.ma",
            ["Smtp:FromDisplayName"] = "Chafafiya",
            ["Smtp:Timeout"] = "00:00:10",
            ["Notifications:PollInterval"] = "00:00:05",
            ["Notifications:MaxAttempts"] = "12",
        });

        var smtp = host.Services.GetRequiredService<IOptions<SmtpSettings>>().Value;
        var delivery = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;

        Assert.Equal(("smtp.gov.ma", 587, SmtpSecurity.StartTls, "requests", "secret"), (smtp.Host, smtp.Port, smtp.Security, smtp.UserName, smtp.Password));
        Assert.Equal(("no-reply@chafafiya.ma", "Chafafiya", TimeSpan.FromSeconds(10)), (smtp.FromAddress, smtp.FromDisplayName, smtp.Timeout));
        Assert.Equal((TimeSpan.FromSeconds(5), 12), (delivery.PollInterval, delivery.MaxAttempts));
        using var scope = host.Services.CreateScope();
        Assert.IsType<SmtpEmailSender>(scope.ServiceProvider.GetRequiredService<IEmailSender>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is NotificationDelivery<NotificationsDb>);
    }

    [Theory]
    [InlineData("Smtp:FromAddress", "not-an-address", "Smtp:FromAddress 'not-an-address' is not a valid e-mail address.")]
    [InlineData("Smtp:Port", "0", "Smtp:Port must be between 1 and 65535.")]
    [InlineData("Smtp:Security", "7", "Smtp:Security must be none, starttls, tls or auto.")]
    [InlineData("Smtp:Host", " ", "Smtp:Host is required.")]
    [InlineData("Smtp:Timeout", "00:00:00", "Smtp:Timeout must be positive.")]
    [InlineData("Smtp:UserName", "requests", "Smtp:UserName and Smtp:Password go together.")]
    public async Task Refuses_to_start_with_settings_that_could_never_send(string key, string value, string problem)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(problem, error.Failures);
    }
}
