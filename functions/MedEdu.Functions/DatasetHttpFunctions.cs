using MedEdu.Api.Datasets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MedEdu.Functions;

/// <summary>HTTP triggers of the dataset routes: one line each over the shared <see cref="DatasetHandlers"/>.</summary>
public sealed class DatasetHttpFunctions(DatasetHandlers routes, UploadHandlers uploads)
{
    /// <summary><c>POST /api/uploads</c> (instructor key).</summary>
    [Function("CreateUpload")]
    public async Task<IActionResult> CreateUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DatasetsApi.Uploads)] HttpRequest request) => await uploads.CreateAsync(request);

    /// <summary><c>POST /api/datasets</c> (instructor key).</summary>
    [Function("RegisterDataset")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DatasetsApi.Collection)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => await routes.RegisterAsync(request, client);

    /// <summary><c>GET /api/datasets</c>.</summary>
    [Function("ListDatasets")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Collection)] HttpRequest request) => await routes.ListAsync(request);

    /// <summary><c>GET /api/datasets/{id}</c>.</summary>
    [Function("GetDataset")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Item)] HttpRequest request,
        [DurableClient] DurableTaskClient client, string id) => await routes.GetAsync(request, client, id);

    /// <summary><c>POST /api/datasets/{id}/refresh</c> (instructor key).</summary>
    [Function("RefreshDataset")]
    public async Task<IActionResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DatasetsApi.Refresh)] HttpRequest request,
        [DurableClient] DurableTaskClient client, string id) => await routes.RefreshAsync(request, client, id);

    /// <summary><c>GET /api/datasets/{id}/versions/{version}/files</c>.</summary>
    [Function("ListVersionFiles")]
    public async Task<IActionResult> Files(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Files)] HttpRequest request, string id, string version) => await routes.FilesAsync(request, id, version);

    /// <summary><c>GET /api/datasets/{id}/compounds</c>.</summary>
    [Function("ListCompounds")]
    public async Task<IActionResult> Compounds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Compounds)] HttpRequest request, string id) => await routes.CompoundsAsync(request, id);

    /// <summary><c>GET /api/datasets/{id}/model</c>.</summary>
    [Function("GetDatasetModel")]
    public async Task<IActionResult> Model(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Model)] HttpRequest request, string id) => await routes.ModelAsync(request, id);

    /// <summary><c>GET /api/datasets/{id}/similar</c>.</summary>
    [Function("FindSimilarCompounds")]
    public async Task<IActionResult> Similar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Similar)] HttpRequest request, string id) => await routes.SimilarAsync(request, id);

    /// <summary><c>GET /api/datasets/{id}/quarantine</c> (instructor key).</summary>
    [Function("ListQuarantinedRows")]
    public async Task<IActionResult> Quarantine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DatasetsApi.Quarantine)] HttpRequest request, string id) => await routes.QuarantineAsync(request, id);
}
