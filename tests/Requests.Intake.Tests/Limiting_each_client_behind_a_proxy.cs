using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Intake.Tests;

// The rate limits count per client: the TCP peer, or what a trusted proxy forwards; an IPv6 client is its /64.
public sealed class Limiting_each_client_behind_a_proxy
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Counts_each_forwarded_client_apart_when_the_proxy_is_trusted()
    {
        using var app = App(trusted: true);

        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, Proxy, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FileAsync(app, Proxy, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, Proxy, "198.51.100.8"));
    }

    [Fact]
    public async Task Ignores_forwarded_addresses_from_a_peer_that_is_not_trusted()
    {
        using var app = App(trusted: false);

        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, Proxy, "198.51.100.7"));
        // a client that writes its own X-Forwarded-For gets no new allowance
        Assert.Equal(HttpStatusCode.TooManyRequests, await FileAsync(app, Proxy, "198.51.100.8"));
    }

    [Fact]
    public async Task Counts_an_IPv6_client_by_its_slash_64()
    {
        using var app = App(trusted: true);

        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, Proxy, "2001:db8:1:2::1"));
        // another address of the same /64: the same subscriber
        Assert.Equal(HttpStatusCode.TooManyRequests, await FileAsync(app, Proxy, "2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, Proxy, "2001:db8:1:3::1"));
        // and directly, without a proxy
        Assert.Equal(HttpStatusCode.Created, await FileAsync(app, "2001:db8:9:9::1", null));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FileAsync(app, "2001:db8:9:9::2", null));
    }

    private static IntakeApp App(bool trusted)
    {
        var app = new IntakeApp
        {
            // the TCP peer, as the header Test-Peer says: the test server has no sockets
            TestServices = s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()),
        };
        app.Settings["Intake:RateLimits:SubmissionsPerMinute"] = "1";
        if (trusted)
            app.Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
        return app;
    }

    private static async Task<HttpStatusCode> FileAsync(IntakeApp app, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = new StringContent(Forms.Request().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Test-Peer", peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["Test-Peer"].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
