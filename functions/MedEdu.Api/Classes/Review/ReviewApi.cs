using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Classes.Review;
using Microsoft.AspNetCore.Mvc;

namespace MedEdu.Api.Classes.Review;

/// <summary>
/// The routes by which instructors decide what students see, written once: a class is created as a
/// draft; its instructors preview, remove, regenerate, swap a compound or reword an exercise, then
/// publish. After publishing, a change makes a new revision of the exercise.
/// </summary>
public static class ReviewApi
{
    /// <summary><c>/api/classes/{classId}/review</c>.</summary>
    public const string Preview = "classes/{classId}/review";

    /// <summary><c>/api/classes/{classId}/publish</c>.</summary>
    public const string Publish = "classes/{classId}/publish";

    /// <summary><c>/api/classes/{classId}/exercises/{exerciseId}/regenerate</c>.</summary>
    public const string Regenerate = "classes/{classId}/exercises/{exerciseId}/regenerate";

    /// <summary><c>/api/classes/{classId}/exercises/{exerciseId}/replace</c>.</summary>
    public const string Replace = "classes/{classId}/exercises/{exerciseId}/replace";

    private const string Revisions = "In a published class a change makes a new revision (e03 → e03r2): students who answered the old one keep it and its key, everyone else gets the new one. Audited.";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Preview, (HttpRequest r, [FromServices] ReviewHandlers h, string classId) => h.PreviewAsync(r, classId))
            .Describe("Preview the class as students will see it: every exercise with its answer key and the model's answers", ApiAccess.Instructor,
                "Replaced and withdrawn revisions are listed too (retired: true), with their answer counts.")
            .Answers<ClassReview>().Problems(404);
        api.MapPost(Publish, (HttpRequest r, [FromServices] ReviewHandlers h, string classId) => h.PublishAsync(r, classId))
            .Describe("Publish a draft class: students may join from now on", ApiAccess.Instructor,
                "Until then a student's join is refused with 409. Publishing a published class changes nothing. Audited.")
            .Answers<InstructorClass>().Problems(404, 409);
        api.MapDelete(ClassesApi.Exercise, (HttpRequest r, [FromServices] ReviewHandlers h, string classId, string exerciseId) => h.RemoveAsync(r, classId, exerciseId))
            .Describe("Remove an exercise: deleted from a draft, withdrawn from a published class", ApiAccess.Instructor,
                "A withdrawn exercise stays, with its key, for the students who answered it; no one else is given it. Audited.")
            .Answers<ClassReview>().Problems(404, 409);
        api.MapPost(Regenerate, (HttpRequest r, [FromServices] ReviewHandlers h, string classId, string exerciseId) => h.RegenerateAsync(r, classId, exerciseId))
            .Describe("Generate the exercise again (same kind, level and rules) with a new seed", ApiAccess.Instructor, "Without a seed, a random one. " + Revisions)
            .Body<RegenerateExerciseRequest>(optional: true).Answers<ReviewedExercise>().Problems(404, 409);
        api.MapPost(Replace, (HttpRequest r, [FromServices] ReviewHandlers h, string classId, string exerciseId) => h.ReplaceAsync(r, classId, exerciseId))
            .Describe("Swap one compound of the exercise for another of the class's dataset version", ApiAccess.Instructor,
                "The answer key is built again and the exercise's fairness rule checked again (a similarity hunt's margin, a ranking's experimental error, a classification's label balance, a rule check's flagged share); a swap that breaks it is refused with 400 naming the rule. Similarity hunts, rankings, classifications and rule checks only; other kinds are regenerated. " + Revisions)
            .Body<ReplaceCompoundRequest>().Answers<ReviewedExercise>().Problems(404, 409);
        api.MapPatch(ClassesApi.Exercise, (HttpRequest r, [FromServices] ReviewHandlers h, string classId, string exerciseId) => h.EditAsync(r, classId, exerciseId))
            .Describe("Reword the exercise's prompt", ApiAccess.Instructor, Revisions)
            .Body<EditExerciseRequest>().Answers<ReviewedExercise>().Problems(404, 409);
    }
}
