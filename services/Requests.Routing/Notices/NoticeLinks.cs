using Microsoft.Extensions.Options;

namespace Requests.Routing.Notices;

/// <summary>The <c>Notifications</c> settings routing's messages need: where citizens and staff follow a case.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notifications";

    /// <summary>The citizens' portal: a case is followed at <c>{PortalUrl}/cases/{trackingNumber}</c>.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The officers' application: a case is at <c>{StaffUrl}/cases/{caseId}</c>.</summary>
    public string StaffUrl { get; set; } = "http://127.0.0.1:5081";
}

/// <summary>The links of every message routing writes.</summary>
public sealed class NoticeLinks(IOptions<NoticeOptions> options)
{
    private readonly string _portal = options.Value.PortalUrl.TrimEnd('/');
    private readonly string _staff = options.Value.StaffUrl.TrimEnd('/');

    public string Follow(string trackingNumber) => $"{_portal}/cases/{Uri.EscapeDataString(trackingNumber)}";

    public string Case(Guid caseId) => $"{_staff}/cases/{caseId:D}";

    public string Case(string caseId) => $"{_staff}/cases/{caseId}";

    public string Queue => $"{_staff}/queue";
}
