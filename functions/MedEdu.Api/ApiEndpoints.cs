using MedEdu.Api.Classes;
using MedEdu.Api.Datasets;
using MedEdu.Api.Docs;
using MedEdu.Api.Drawings;
using MedEdu.Api.Host;
using MedEdu.Api.Schedules;
using MedEdu.Api.WebApp;

namespace MedEdu.Api;

/// <summary>
/// The whole API under <c>/api</c>: each feature's routes (its <c>XxxApi.Map</c>) with the metadata
/// the OpenAPI document is generated from, then the host's own routes. The local host maps this; the
/// Functions app's triggers are held to it by a test.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The prefix of every route (the Functions host's <c>routePrefix</c>).</summary>
    public const string Prefix = "/api";

    /// <summary>
    /// An app that maps every route and touches no storage (and no port until started), with
    /// <paramref name="services"/> added: what the document generator and the route table read.
    /// </summary>
    internal static WebApplication BuildOffline(Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMedEduApi();
        return app;
    }

    /// <summary>Maps every route.</summary>
    public static void MapMedEduApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        DatasetsApi.Map(api.MapGroup("").WithTags("Datasets"));
        DrawingsApi.Map(api.MapGroup("").WithTags("Drawings"));
        ClassesApi.Map(api.MapGroup("").WithTags("Classes and exercises"));
        Classes.Review.ReviewApi.Map(api.MapGroup("").WithTags("Class review"));
        SchedulesApi.Map(api.MapGroup("").WithTags("Schedules"));
        WebAppApi.Map(api);
        DocsApi.Map(api);
        HostApi.Map(api);
    }
}
