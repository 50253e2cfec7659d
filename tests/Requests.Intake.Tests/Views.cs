using System.Text.Json;

namespace Requests.Intake.Tests;

/// <summary>Reading a case's view (GET /api/cases/{trackingNumber}) as a citizen's page would.</summary>
public static class Views
{
    public static string? Text(this JsonElement element, string name) => element.GetProperty(name).GetString();

    /// <summary>The kinds of the timeline's steps, in order.</summary>
    public static string[] Kinds(this JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => e.Text("kind")!)];

    /// <summary>The names of the actions open to the citizen.</summary>
    public static string[] ActionNames(this JsonElement view) =>
        [.. view.GetProperty("actions").EnumerateArray().Select(e => e.Text("name")!)];

    /// <summary>The one step of this kind on the timeline.</summary>
    public static JsonElement Step(this JsonElement view, string kind) =>
        view.GetProperty("timeline").EnumerateArray().Single(e => e.Text("kind") == kind);
}
