using MedEdu.Api.Drawings;
using MedEdu.Api.WebApp;
using MedEdu.Pipeline.Drawings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MedEdu.Functions;

/// <summary>HTTP triggers of the structure drawings and the student web page: one line each over the shared handlers.</summary>
public sealed class CompoundHttpFunctions(DrawingHandlers routes, WebAppHandler web)
{
    [Function("GetCompoundDepiction")]
    public async Task<IActionResult> Depiction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DrawingsApi.Depiction)] HttpRequest r, string id) => await routes.CompoundAsync(r, id);

    [Function("DepictSmiles")]
    public async Task<IActionResult> Smiles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DrawingsApi.DepictSmiles)] HttpRequest r) => await routes.SmilesAsync(r);

    [Function("GetWebApp")]
    public IActionResult WebApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebAppApi.Route)] HttpRequest r, string? path) => web.Get(r, path);
}
