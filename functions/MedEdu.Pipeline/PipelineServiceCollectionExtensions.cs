using MedEdu.Compute.Screening;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Drawings;
using MedEdu.Pipeline.Ingestion;
using MedEdu.Pipeline.Screening;
using MedEdu.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedEdu.Pipeline;

/// <summary>Registers the pipeline's services, repositories and activities for any host (the API adds its handlers: MedEdu.Api).</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Configuration key of the storage connection string (Azurite's development string by default).</summary>
    public const string StorageConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Adds everything the routes and activities need.</summary>
    public static IServiceCollection AddMedEduPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PipelineOptions>(configuration.GetSection(PipelineOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton<TableProvider>();
        services.AddSingleton<RawDatasetStore>();
        services.AddSingleton<DatasetRepository>();
        services.AddSingleton<CompoundFiles>();
        services.AddSingleton<PredictionFiles>();
        services.AddSingleton<CompoundRepository>();
        services.AddSingleton<ModelRepository>();
        services.AddSingleton<FingerprintStoreRepository>();
        services.AddSingleton<SimilaritySearchService>();
        services.Configure<ScreeningWorkerOptions>(configuration.GetSection(ScreeningWorkerOptions.Section));
        services.AddHttpClient(ScreeningWorkerClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider => new ScreeningWorkerClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScreeningWorkerOptions>>(),
            string.IsNullOrEmpty(configuration["Screening:WorkerAudience"]) ? null : new Azure.Identity.DefaultAzureCredential()));
        services.AddSingleton(_ => ScreeningEngines.Create(configuration["Screening:Accelerator"] ?? "auto"));
        services.AddSingleton<DatasetService>();
        services.AddSingleton<Uploads.UploadService>();
        services.AddSingleton<UploadedFileFetcher>();
        services.AddSingleton<DepictionCache>();
        services.AddSingleton<DepictionService>();
        services.AddSingleton<Classes.ClassRepository>();
        services.AddSingleton<Classes.ClassService>();
        services.AddSingleton<Classes.ExerciseFactory>();
        services.AddSingleton<Classes.Review.ClassReviewService>();
        services.AddSingleton<Classes.CampaignRepository>();
        services.AddSingleton<Classes.CampaignService>();
        services.AddSingleton<Classes.ClassErasure>();
        services.AddSingleton<Tutoring.StudentModelRepository>();
        services.AddSingleton<Tutoring.TutoringService>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<Schedules.ScheduleRepository>();
        services.AddSingleton<Schedules.ScheduleService>();
        services.AddSingleton<DatasetSourceReader>();
        services.AddSingleton<Datasets.Connectors.SourceHttpClient>();
        services.AddSingleton<Datasets.Connectors.IDatasetConnector, Datasets.Connectors.BundledConnector>();
        services.AddSingleton<Datasets.Connectors.IDatasetConnector, Datasets.Connectors.CsvUrlConnector>();
        services.AddSingleton<Datasets.Connectors.IDatasetConnector, Datasets.Connectors.PubChemConnector>();
        services.AddSingleton<Datasets.Connectors.IDatasetConnector, Datasets.Connectors.ChemblConnector>();
        services.AddHttpClient(Datasets.Connectors.SourceHttpClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = PrivateAddressGuard.ConnectAsync(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.AllowLoopbackSources),
            });
        foreach (var activity in PipelineTasks.Activities)
        {
            services.AddTransient(activity);
        }

        return services;
    }

    /// <summary>Registers the orchestrators and activities with a DurableTask worker (the local host's).</summary>
    public static void AddMedEduTasks(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in PipelineTasks.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in PipelineTasks.Activities)
        {
            registry.AddActivity(activity);
        }
    }
}

/// <summary>The task classes of the pipeline.</summary>
public static class PipelineTasks
{
    /// <summary>Every orchestrator class; their names are <see cref="TaskNames"/> (the Functions app binds each, a test checks).</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(IngestDatasetOrchestrator),
        typeof(FeaturizeCompoundsOrchestrator),
        typeof(BuildVersionArtifactsOrchestrator),
    ];

    /// <summary>Every activity class; their names are <see cref="TaskNames"/>.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(FetchRawDataset),
        typeof(IngestCompoundChunk),
        typeof(CompleteDatasetVersion),
        typeof(FailDatasetVersion),
        typeof(TrainModels),
        typeof(BuildFingerprintStore),
    ];
}
