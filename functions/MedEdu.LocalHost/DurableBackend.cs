using DurableTask.AzureStorage;
using DurableTask.Core;
using MedEdu.Pipeline;
using MedEdu.Pipeline.Storage;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace MedEdu.LocalHost;

/// <summary>
/// Wires the durable engine of the local host: the Azure Storage orchestration service (Durable
/// Functions' default backend) on Azurite behind the DurableTask gRPC sidecar, with the standard
/// gRPC worker and client pointed at that sidecar. State lives in storage, so orchestrations
/// survive a host restart exactly as they do in Azure.
/// </summary>
public static class DurableBackend
{
    /// <summary>Registers the backend, sidecar, worker (with every MedEdu task) and client.</summary>
    public static async Task AddDurableBackendAsync(this WebApplicationBuilder builder, LocalHostOptions options)
    {
        string connection = builder.Configuration[PipelineServiceCollectionExtensions.StorageConnectionSetting]
            ?? StorageAccount.DevelopmentConnectionString;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),
            TaskHubName = options.TaskHub,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            PartitionCount = 4,
            // The backend's own warnings (a message handed out twice, a stale pop receipt) are the
            // evidence of work done twice: logged with the host's settings, beside its own lines.
            LoggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole()),
            LeaseInterval = options.PartitionLeaseInterval,
            LeaseRenewInterval = options.PartitionLeaseInterval / 3,
            LeaseAcquireInterval = options.PartitionLeaseInterval / 3,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();

        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(provider =>
            new SidecarOrchestrationService(service, options.MessageVisibilityTimeout, provider.GetRequiredService<ILogger<SidecarOrchestrationService>>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton(Options.Create(new TaskHubGrpcServerOptions()));
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        string sidecar = $"http://127.0.0.1:{options.SidecarPort}";
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry => registry.AddMedEduTasks());
            worker.UseGrpc(sidecar);
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar));
        // The worker holds an endless work-item stream open to the sidecar in this same host. Stopped
        // one after another, the web server waits for that request to end (30 s, its shutdown
        // timeout) before the worker that would end it is asked to stop; stopped together, the
        // worker closes its stream and the host exits at once.
        builder.Services.Configure<HostOptions>(host => host.ServicesStopConcurrently = true);
    }
}
