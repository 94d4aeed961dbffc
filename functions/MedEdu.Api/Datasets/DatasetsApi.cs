using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Screening;
using MedEdu.Pipeline.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.OpenApi;

namespace MedEdu.Api.Datasets;

/// <summary>
/// The dataset routes, written once: each route's template, access, description and handler. The
/// local host maps them; the Functions app's triggers name the same templates, and a test holds the
/// two to each other. Uploads are here because an upload is the first step of registering a dataset.
/// </summary>
public static class DatasetsApi
{
    /// <summary><c>/api/datasets</c>.</summary>
    public const string Collection = "datasets";

    /// <summary><c>/api/datasets/{id}</c>.</summary>
    public const string Item = "datasets/{id}";

    /// <summary><c>/api/datasets/{id}/refresh</c>.</summary>
    public const string Refresh = "datasets/{id}/refresh";

    /// <summary><c>/api/datasets/{id}/compounds</c>.</summary>
    public const string Compounds = "datasets/{id}/compounds";

    /// <summary><c>/api/datasets/{id}/quarantine</c>.</summary>
    public const string Quarantine = "datasets/{id}/quarantine";

    /// <summary><c>/api/datasets/{id}/model</c>.</summary>
    public const string Model = "datasets/{id}/model";

    /// <summary><c>/api/datasets/{id}/versions/{version}/files</c>: a version's Parquet files.</summary>
    public const string Files = "datasets/{id}/versions/{version}/files";

    /// <summary><c>/api/datasets/{id}/similar</c>.</summary>
    public const string Similar = "datasets/{id}/similar";

    /// <summary><c>/api/uploads</c>.</summary>
    public const string Uploads = "uploads";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Collection, (HttpRequest r, [FromServices] DatasetHandlers h, [FromServices] DurableTaskClient c) => h.RegisterAsync(r, c))
            .Describe("Register a dataset and start ingesting it", ApiAccess.Instructor,
                "Exactly one source: bundled (esol, freesolv, bbbp, aqsoldb), a CSV url (https, on the host allowlist), pubchem (cids with a property, or an assay aid), chembl (target and activity type) or an upload id from POST /api/uploads. "
                + "Answers 202 with a Location to poll; 409 when the id is taken; an upload that is unknown, used or expired answers 404, 409 or 410.")
            .Body<DatasetRegistration>().Answers<DatasetStatus>(StatusCodes.Status202Accepted).Problems(404, 409, 410, 415);
        api.MapGet(Collection, (HttpRequest r, [FromServices] DatasetHandlers h) => h.ListAsync(r))
            .Describe("List datasets", ApiAccess.Anyone).Answers<List<DatasetSummary>>();
        api.MapPost(Uploads, (HttpRequest r, [FromServices] UploadHandlers h) => h.CreateAsync(r))
            .Describe("Get a write-only URL to upload a dataset file to", ApiAccess.Instructor,
                "PUT the file to uploadUrl with x-ms-blob-type: BlockBlob (or its blocks, then the block list), then register it with POST /api/datasets {\"upload\": id}.")
            .Body<UploadRequest>(optional: true).Answers<UploadTicket>(StatusCodes.Status201Created);
        api.MapGet(Item, (HttpRequest r, [FromServices] DatasetHandlers h, [FromServices] DurableTaskClient c, string id) => h.GetAsync(r, c, id))
            .Describe("Dataset status, versions and ingestion progress", ApiAccess.Anyone).Answers<DatasetStatus>().Problems(404);
        api.MapPost(Refresh, (HttpRequest r, [FromServices] DatasetHandlers h, [FromServices] DurableTaskClient c, string id) => h.RefreshAsync(r, c, id))
            .Describe("Ingest a new version from the registered source", ApiAccess.Instructor, "A file whose SHA-256 equals the served version's is recorded Unchanged and not re-ingested.")
            .Answers<DatasetStatus>(StatusCodes.Status202Accepted).Problems(404);
        Paged(api.MapGet(Compounds, (HttpRequest r, [FromServices] DatasetHandlers h, string id) => h.CompoundsAsync(r, id))
            .Describe("A page of compounds of the served version", ApiAccess.Anyone).Answers<Page<CompoundView>>());
        Paged(api.MapGet(Quarantine, (HttpRequest r, [FromServices] DatasetHandlers h, string id) => h.QuarantineAsync(r, id))
            .Describe("Rows refused by ingestion, with row, line and reason", ApiAccess.Instructor).Answers<Page<QuarantinedRowView>>());
        api.MapGet(Files, (HttpRequest r, [FromServices] DatasetHandlers h, string id, string version) => h.FilesAsync(r, id, version))
            .Describe("The version's compounds as Parquet files (row ranges, counts, read-only URLs valid an hour)", ApiAccess.Anyone)
            .Answers<VersionFiles>().Problems(400, 404, 409);
        api.MapGet(Model, (HttpRequest r, [FromServices] DatasetHandlers h, string id) => h.ModelAsync(r, id))
            .Describe("The version's ML.NET model: task, learner, held-out metrics, applicability-domain threshold", ApiAccess.Anyone)
            .Answers<ModelView>().Problems(400, 404, 409).Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");
        api.MapGet(Similar, (HttpRequest r, [FromServices] DatasetHandlers h, string id) => h.SimilarAsync(r, id))
            .Describe("The compounds most similar to a SMILES", ApiAccess.Anyone,
                "engine names what ran (worker:<engine> on the screening worker); fallback says why the worker did not answer.")
            .Answers<SimilarityResult>().Problems(400, 404, 409)
            .Query("smiles", JsonSchemaType.String, "The query structure (required).")
            .Query("k", JsonSchemaType.Integer, "How many hits (default 10).")
            .Query("metric", JsonSchemaType.String, "Similarity metric (default tanimoto).", ["tanimoto", "dice"])
            .Query("filter", JsonSchemaType.String, "Property filter on the hits (default none).", ["none", "lipinski", "veber", "druglike"])
            .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");
    }

    private static RouteHandlerBuilder Paged(RouteHandlerBuilder route) => route.Problems(400, 404, 409)
        .Query("skip", JsonSchemaType.Integer, "Items to skip (default 0).")
        .Query("take", JsonSchemaType.Integer, "Items to return, 1 to 1000 (default 50).")
        .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");
}
