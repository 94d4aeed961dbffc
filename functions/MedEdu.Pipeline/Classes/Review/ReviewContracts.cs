using System.Text.Json.Serialization;
using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Classes.Review;

/// <summary>A class as its instructors review it: every exercise as students see it, beside its answer key and the model's answers.</summary>
/// <param name="ClassId">The class.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">"draft" (students are refused) or "published".</param>
/// <param name="DatasetId">The dataset its exercises come from.</param>
/// <param name="Version">The dataset version.</param>
/// <param name="Exercises">Every revision of every exercise, in the class's order (replaced and withdrawn ones marked retired).</param>
public sealed record ClassReview(string ClassId, string Name, string Status, string DatasetId, int Version, List<ReviewedExercise> Exercises);

/// <summary>One exercise under review.</summary>
/// <param name="Exercise">What a student is shown.</param>
/// <param name="Key">The answer key: the truth, the model's answer (<c>modelOrder</c>) and the facts behind each compound.</param>
/// <param name="Lineage">The id of its first revision: the exercise all its revisions are versions of.</param>
/// <param name="Revision">1 as generated, one more for each change made after publishing.</param>
/// <param name="Retired">True when replaced by a newer revision or withdrawn: kept, with its key, for the students who answered it.</param>
/// <param name="Seed">The seed it was generated with.</param>
/// <param name="Submissions">How many answers it has.</param>
/// <param name="Replaceable">True when one of its compounds may be swapped alone (other kinds are regenerated).</param>
public sealed record ReviewedExercise(Exercise Exercise, AnswerKey Key, string Lineage, int Revision, bool Retired, int Seed, int Submissions, bool Replaceable);

/// <summary>Body of <c>POST /api/classes/{classId}/exercises/{exerciseId}/regenerate</c>.</summary>
public sealed class RegenerateExerciseRequest
{
    /// <summary>The new seed; absent: a random one (the answer says which).</summary>
    [JsonPropertyName("seed")] public int? Seed { get; init; }
}

/// <summary>Body of <c>POST /api/classes/{classId}/exercises/{exerciseId}/replace</c>.</summary>
public sealed class ReplaceCompoundRequest
{
    /// <summary>The candidate to take out.</summary>
    [JsonPropertyName("compoundId")] public string? CompoundId { get; init; }

    /// <summary>The compound of the class's dataset version to put in its place.</summary>
    [JsonPropertyName("replacementId")] public string? ReplacementId { get; init; }
}

/// <summary>Body of <c>PATCH /api/classes/{classId}/exercises/{exerciseId}</c>.</summary>
public sealed class EditExerciseRequest
{
    /// <summary>The prompt in the instructor's words (1 to 1,000 characters).</summary>
    [JsonPropertyName("prompt")] public string? Prompt { get; init; }
}
