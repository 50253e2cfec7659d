using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.ServiceDefaults.Http;

/// <summary>
/// Who is calling, for rate limits: the TCP peer, or the address a trusted reverse proxy forwards
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>); with no proxy trusted the forwarded
/// headers are ignored, since any client can write them.
/// </summary>
public static class ClientAddress
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The rate limits' bucket: an IPv4 address, or an IPv6 address's /64 (one subscriber's network, which
    /// hands its machines as many addresses as it likes).</summary>
    public static string Partition(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Partition(context.Connection.RemoteIpAddress);
    }

    public static string Partition(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    internal static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // none trusted by default, loopback included: only what the settings name
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // a chain of trusted proxies is followed back to the first address none of them is
            o.ForwardLimit = null;
        });
    }

    /// <summary>Reads the forwarded headers only when a proxy is trusted.</summary>
    internal static void UseForwardedHeaders(WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
            app.UseForwardedHeaders();
    }
}
