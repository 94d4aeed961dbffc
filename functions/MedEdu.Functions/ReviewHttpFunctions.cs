using MedEdu.Api.Classes;
using MedEdu.Api.Classes.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MedEdu.Functions;

/// <summary>HTTP triggers of the class review routes (preview, publish, remove, regenerate, replace, reword): one line each over the shared handlers.</summary>
public sealed class ReviewHttpFunctions(ReviewHandlers routes)
{
    [Function("PreviewClass")]
    public async Task<IActionResult> Preview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ReviewApi.Preview)] HttpRequest r, string classId) => await routes.PreviewAsync(r, classId);

    [Function("PublishClass")]
    public async Task<IActionResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.Publish)] HttpRequest r, string classId) => await routes.PublishAsync(r, classId);

    [Function("RemoveExercise")]
    public async Task<IActionResult> Remove([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ClassesApi.Exercise)] HttpRequest r, string classId, string exerciseId) => await routes.RemoveAsync(r, classId, exerciseId);

    [Function("RegenerateExercise")]
    public async Task<IActionResult> Regenerate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.Regenerate)] HttpRequest r, string classId, string exerciseId) => await routes.RegenerateAsync(r, classId, exerciseId);

    [Function("ReplaceExerciseCompound")]
    public async Task<IActionResult> Replace([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReviewApi.Replace)] HttpRequest r, string classId, string exerciseId) => await routes.ReplaceAsync(r, classId, exerciseId);

    [Function("EditExercise")]
    public async Task<IActionResult> Edit([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ClassesApi.Exercise)] HttpRequest r, string classId, string exerciseId) => await routes.EditAsync(r, classId, exerciseId);
}
