using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// The SMTP sender (settings section <c>Smtp</c>, checked at start-up) and the worker that delivers the
    /// notifications saved in <typeparamref name="TContext"/> (settings section <c>Notifications</c>). The context must
    /// map the table (<c>modelBuilder.AddNotificationsTable()</c>) and its migration create it (<c>CreateNotifications()</c>).
    /// </summary>
    public static IHostApplicationBuilder AddNotifications<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddOptions<SmtpSettings>().BindConfiguration(SmtpSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsCheck>();
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<WriteGate>();
        builder.Services.TryAddScoped<IEmailSender, SmtpEmailSender>();
        builder.Services.AddHostedService<NotificationDelivery<TContext>>();
        return builder;
    }

    /// <summary>Refuses to start with settings that could never send, and says which one is wrong.</summary>
    private sealed class SmtpSettingsCheck : IValidateOptions<SmtpSettings>
    {
        public ValidateOptionsResult Validate(string? name, SmtpSettings options) =>
            options.Check() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
