namespace Requests.Intake.Documents;

/// <summary>The <c>Documents</c> settings.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Where files are kept on disk; empty: <c>intake-documents</c> beside the SQLite database.</summary>
    public string? Path { get; set; }
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
    public long MaxCaseBytes { get; set; } = 500L * 1024 * 1024;
    public int MaxFiles { get; set; } = 20;
    public long AttachUpToBytes { get; set; } = 10L * 1024 * 1024;
    public int ZipMaxEntries { get; set; } = 10_000;
    public long ZipMaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;
    public int ZipMaxRatio { get; set; } = 200;
}
