namespace Requests.Harness;

internal static class Fuzzing
{
    public static Task<Row> RunAsync(Options options) => throw new NotImplementedException(options.ToString());
}
