namespace Requests.Harness;

internal static class AccessMatrix
{
    public static Task<Row> RunAsync(Options options) => throw new NotImplementedException(options.ToString());
}
