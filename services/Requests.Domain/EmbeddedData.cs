namespace Requests.Domain;

/// <summary>The data files shipped inside this assembly (Data/*.json): the only thing the domain reads.</summary>
internal static class EmbeddedData
{
    public static string Read(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        string name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The embedded data file {fileName} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
