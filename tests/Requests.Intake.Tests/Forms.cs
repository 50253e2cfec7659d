using System.Text.Json.Nodes;

namespace Requests.Intake.Tests;

/// <summary>Valid forms to start from; a test changes the one field it is about.</summary>
public static class Forms
{
    public static JsonObject Request() => new()
    {
        ["bodyCode"] = "MEF",
        ["subject"] = "Budget de la commune",
        ["description"] = "Je demande le budget exécuté de 2025, ligne par ligne.",
        ["periodCovered"] = new JsonObject { ["from"] = "2025-01-01", ["to"] = "2025-12-31" },
        ["documentType"] = "tableau",
        ["delivery"] = "email",
        ["urgent"] = false,
        ["requester"] = Requester(),
        ["consent"] = true,
        ["language"] = "fr",
    };

    public static JsonObject UrgentRequest()
    {
        var form = Request();
        form["urgent"] = true;
        form["urgentReason"] = "Mon fils doit être opéré : il me faut son dossier médical.";
        return form;
    }

    public static JsonObject Complaint() => new()
    {
        ["kind"] = "complaint",
        ["bodyCode"] = "COM-RABAT",
        ["subject"] = "Éclairage public",
        ["description"] = "Les lampadaires de ma rue sont éteints depuis trois mois.",
        ["theme"] = "roads",
        ["requester"] = Requester(),
        ["consent"] = true,
        ["language"] = "ar",
    };

    public static JsonObject Requester() => new()
    {
        ["fullName"] = "Amina El Idrissi",
        ["identityNumber"] = "AB123456",
        ["email"] = "amina@example.ma",
        ["phone"] = "+212 612-345678",
        ["address"] = "12 rue des Orangers, Rabat",
    };

    /// <summary>A copy of <paramref name="form"/> with the field at a dotted path set, or removed when null.</summary>
    public static JsonObject With(this JsonObject form, string path, JsonNode? value)
    {
        var copy = (JsonObject)form.DeepClone();
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(copy, (node, name) => (JsonObject)node[name]!);
        if (value is null)
            parent.Remove(names[^1]);
        else
            parent[names[^1]] = value;
        return copy;
    }
}
