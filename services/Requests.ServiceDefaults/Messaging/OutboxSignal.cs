using System.Threading.Channels;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>A doorbell: writers ring it after committing outbox messages; the relay waits on it between polls.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _bell.Writer.TryWrite(true);

    /// <summary>Waits until rung or until the timeout passes, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _bell.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed
        }
    }
}
