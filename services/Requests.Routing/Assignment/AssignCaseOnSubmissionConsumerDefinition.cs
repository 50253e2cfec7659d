using MassTransit;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Assignment;

/// <summary>Delivers intake's messages to <see cref="AssignCaseOnSubmissionConsumer"/> in batches, one batch at a time.</summary>
public sealed class AssignCaseOnSubmissionConsumerDefinition : ConsumerDefinition<AssignCaseOnSubmissionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AssignCaseOnSubmissionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // the broker must hand over at least a whole batch at once
        endpointConfigurator.PrefetchCount = AssignCaseOnSubmissionConsumer.BatchSize * 2;
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(AssignCaseOnSubmissionConsumer.BatchSize)
            .SetTimeLimit(AssignCaseOnSubmissionConsumer.BatchWait)
            .SetConcurrencyLimit(1));
        consumerConfigurator.UseBatchInbox<AssignCaseOnSubmissionConsumer, SubmissionsStored>();
    }
}
