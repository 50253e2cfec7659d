using MassTransit;
using MassTransit.Batching;
using MassTransit.Context;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// Puts a consumer's message through the service's <see cref="Inbox"/>, in the consumer's scope: the consumer's
/// changes to the database commit with the inbox record, and a message handled before does not reach it.
/// </summary>
public sealed class InboxFilter<TConsumer, TMessage> : IFilter<ConsumerConsumeContext<TConsumer, TMessage>>
    where TConsumer : class where TMessage : class
{
    public Task Send(ConsumerConsumeContext<TConsumer, TMessage> context, IPipe<ConsumerConsumeContext<TConsumer, TMessage>> next)
    {
        var inbox = context.GetPayload<IServiceScope>().ServiceProvider.GetRequiredService<Inbox>();
        return inbox.HandleAsync(typeof(TConsumer).Name, [context], c => c.MessageId, (_, _) => next.Send(context),
            context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}

/// <summary>
/// The same for a consumer of batches: the batch's messages are recorded together, and the consumer receives those
/// not handled before (the batch as it came when none was).
/// </summary>
public sealed class BatchInboxFilter<TConsumer, TMessage> : IFilter<ConsumerConsumeContext<TConsumer, Batch<TMessage>>>
    where TConsumer : class where TMessage : class
{
    public Task Send(ConsumerConsumeContext<TConsumer, Batch<TMessage>> context,
        IPipe<ConsumerConsumeContext<TConsumer, Batch<TMessage>>> next)
    {
        var batch = context.Message;
        var inbox = context.GetPayload<IServiceScope>().ServiceProvider.GetRequiredService<Inbox>();
        return inbox.HandleAsync(typeof(TConsumer).Name, [.. batch], m => m.MessageId, (fresh, _) => fresh.Count == batch.Length
            ? next.Send(context)
            : next.Send(new ConsumerConsumeContextScope<TConsumer, Batch<TMessage>>(
                new MessageConsumeContext<Batch<TMessage>>(context,
                    new MessageBatch<TMessage>(batch.FirstMessageReceived, batch.LastMessageReceived, batch.Mode, fresh)),
                context.Consumer)), context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("batch-inbox");
}

/// <summary>Adds the inbox to every consumer of the bus (a consumer of batches adds its own: <see cref="InboxExtensions.UseBatchInbox"/>).</summary>
internal sealed class InboxObserver : IConsumerConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class where TMessage : class
    {
        if (!typeof(TMessage).IsGenericType || typeof(TMessage).GetGenericTypeDefinition() != typeof(Batch<>))
            configurator.UseFilter(new InboxFilter<TConsumer, TMessage>());
    }
}

public static class InboxExtensions
{
    /// <summary>Puts each batch of <typeparamref name="TConsumer"/> through the inbox.</summary>
    public static void UseBatchInbox<TConsumer, TMessage>(this IConsumerConfigurator<TConsumer> consumer)
        where TConsumer : class, IConsumer<Batch<TMessage>> where TMessage : class =>
        consumer.ConsumerMessage<Batch<TMessage>>(m => m.UseFilter(new BatchInboxFilter<TConsumer, TMessage>()));
}
