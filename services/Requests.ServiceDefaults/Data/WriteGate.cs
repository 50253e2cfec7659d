namespace Requests.ServiceDefaults.Data;

/// <summary>
/// One writer at a time inside the process, on SQLite. SQLite allows a single writer per file; a second one that
/// finds the lock taken sleeps in SQLite's busy handler for 1 to 100 ms, which under load costs far more than
/// waiting here for the first to finish. PostgreSQL needs no such gate: there it lets everyone through.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _gate;

    public WriteGate() => _gate = new SemaphoreSlim(1, 1);

    public WriteGate(DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (provider.IsSqlite)
            _gate = new SemaphoreSlim(1, 1);
    }

    public void Enter() => _gate?.Wait();

    public Task EnterAsync(CancellationToken cancellationToken) => _gate?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Exit() => _gate?.Release();

    /// <summary>Enters the gate; disposing the result leaves it.</summary>
    public async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        return new Held(this);
    }

    public void Dispose() => _gate?.Dispose();

    private sealed class Held(WriteGate gate) : IDisposable
    {
        public void Dispose() => gate.Exit();
    }
}
