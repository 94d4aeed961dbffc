using MedEdu.Api.Classes;
using MedEdu.Api.Datasets;
using MedEdu.Api.Drawings;
using MedEdu.Api.OpenApi;
using MedEdu.Api.Schedules;
using MedEdu.Api.WebApp;
using MedEdu.Pipeline;
using Microsoft.Extensions.Configuration;

namespace MedEdu.Api;

/// <summary>Registers the API's handlers over the pipeline's services, for either host.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the pipeline (<see cref="PipelineServiceCollectionExtensions.AddMedEduPipeline"/>), the route handlers and the OpenAPI generator.</summary>
    public static IServiceCollection AddMedEduApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMedEduPipeline(configuration);
        services.Configure<AbuseLimitOptions>(configuration.GetSection(AbuseLimitOptions.Section));
        services.AddSingleton<AbuseLimits>();
        services.AddSingleton<InstructorGuard>();
        services.AddSingleton<DatasetHandlers>();
        services.AddSingleton<UploadHandlers>();
        services.AddSingleton<DrawingHandlers>();
        services.AddSingleton<WebAppHandler>();
        services.AddLocalization();
        services.AddSingleton<Localization.StudentMessages>();
        services.AddSingleton<Localization.ExerciseLocalizer>();
        services.AddSingleton<ClassHandlers>();
        services.AddSingleton<Classes.Review.ReviewHandlers>();
        services.AddSingleton<ScheduleHandlers>();
        return services;
    }
}
