using System.Text.Json.Serialization;

namespace MedEdu.Pipeline.Classes;

/// <summary>Body of <c>POST /api/classes</c>.</summary>
public sealed class CreateClassRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("datasetId")] public string? DatasetId { get; init; }

    /// <summary>What the measured value is, in words for prompts (e.g. "aqueous solubility").</summary>
    [JsonPropertyName("property")] public string? Property { get; init; }

    /// <summary>Exercises to generate; defaults to one of each kind at difficulty 1.</summary>
    [JsonPropertyName("exercises")] public List<ExerciseSpec>? Exercises { get; init; }

    [JsonPropertyName("seed")] public int? Seed { get; init; }

    /// <summary>When teaching ends; with a retention setting, the class and its students' data are deleted that many days later.</summary>
    [JsonPropertyName("endsOn")] public DateTimeOffset? EndsOn { get; init; }

    /// <summary>The students' page language by default: "en", "es" or "ar"; absent: each student's browser language. Each student may choose another.</summary>
    [JsonPropertyName("language")] public string? Language { get; init; }

    /// <summary>True: open to students at once (a script's class); false or absent: a draft the instructor reviews, then publishes.</summary>
    [JsonPropertyName("publish")] public bool? Publish { get; init; }
}

/// <summary>Body of <c>POST /api/classes/{classId}/instructors</c>.</summary>
public sealed class AddInstructorRequest
{
    /// <summary>The co-instructor's id: their Entra object id, or their account id on a local instance.</summary>
    [JsonPropertyName("instructorId")] public string? InstructorId { get; init; }
}

/// <summary>Exercises of one kind in a new class.</summary>
public sealed class ExerciseSpec
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }

    [JsonPropertyName("difficulty")] public int? Difficulty { get; init; }

    [JsonPropertyName("count")] public int? Count { get; init; }

    /// <summary>For a RuleCheck: "druglike" (Lipinski and Veber, the default) or "pains" (PAINS structural alerts).</summary>
    [JsonPropertyName("rules")] public string? Rules { get; init; }

    /// <summary>For a Campaign: compounds in the library (200 to 2,000; default 300).</summary>
    [JsonPropertyName("librarySize")] public int? LibrarySize { get; init; }

    /// <summary>For a Campaign: rounds (2 to 10; default by difficulty, 5 at levels 1 and 2, 4 at level 3).</summary>
    [JsonPropertyName("rounds")] public int? Rounds { get; init; }

    /// <summary>For a Campaign: compounds bought per round (2 to 20; default by difficulty, 10, 8, 6).</summary>
    [JsonPropertyName("picksPerRound")] public int? PicksPerRound { get; init; }

    /// <summary>For a Campaign: draw only drug-like compounds (Lipinski and Veber); default false.</summary>
    [JsonPropertyName("drugLike")] public bool? DrugLike { get; init; }

    /// <summary>The campaign options this spec asks for at <paramref name="difficulty"/> (defaults for what it leaves out).</summary>
    public Compute.Campaigns.CampaignOptions CampaignOptions(int difficulty)
    {
        var defaults = Compute.Campaigns.CampaignOptions.ForDifficulty(difficulty);
        return defaults with
        {
            LibrarySize = LibrarySize ?? defaults.LibrarySize,
            Rounds = Rounds ?? defaults.Rounds,
            PicksPerRound = PicksPerRound ?? defaults.PicksPerRound,
            DrugLikeOnly = DrugLike ?? false,
        };
    }

    /// <summary>True when the spec sets a campaign-only field.</summary>
    public bool HasCampaignFields => LibrarySize is not null || Rounds is not null || PicksPerRound is not null || DrugLike is not null;
}

/// <summary>Body of <c>POST /api/classes/join</c>.</summary>
public sealed class JoinRequest
{
    [JsonPropertyName("code")] public string? Code { get; init; }

    /// <summary>The only personal data MedEdu keeps; any name the student chooses.</summary>
    [JsonPropertyName("displayName")] public string? DisplayName { get; init; }
}

/// <summary>Body of a submission.</summary>
public sealed class SubmissionRequest
{
    /// <summary>Picked compound ids, or all ids in order for rankings.</summary>
    [JsonPropertyName("answer")] public List<string>? Answer { get; init; }
}

/// <summary>A class in an instructor's list: the caller's role in it, its co-instructors, end date and status ("draft" or "published").</summary>
public sealed record InstructorClass(string ClassId, string Name, string Code, string DatasetId, int Version, string Owner, string Role, List<string> CoInstructors, DateTimeOffset? EndsOn, string Status);

/// <summary>What a deletion erased.</summary>
public sealed record ClassDeleted(string ClassId, int Submissions, int Students, int Exercises);

/// <summary>A created class: a draft for its instructors to review and publish, unless it was created published.</summary>
public sealed record ClassCreated(string ClassId, string Name, string Code, string DatasetId, int Version, List<ExerciseSummary> Exercises, string Status);

/// <summary>A joined student: keep the token, it is shown once. The class's dataset version names the compounds' drawings; its language is the page's default.</summary>
public sealed record Joined(string ClassId, string StudentId, string DisplayName, string Token, string ClassName, string DatasetId, int Version, string? Language);

/// <summary>An exercise in a list.</summary>
/// <param name="Id">Exercise id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Difficulty">1 (easy) to 3 (hard).</param>
/// <param name="Prompt">The task in words, in the reader's language (Accept-Language) where it has catalog words.</param>
/// <param name="Submitted">Whether the caller has answered it.</param>
/// <param name="Score">The caller's scored result, if any.</param>
/// <param name="PromptPhrase">The prompt as catalog words; null for an instructor's own words.</param>
public sealed record ExerciseSummary(string Id, string Kind, int Difficulty, string Prompt, bool Submitted, double? Score,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] MedEdu.Compute.Wording.Phrase? PromptPhrase = null);

/// <summary>The answer to a submission: the student's own answer, the score and the feedback.</summary>
public sealed record SubmissionResult(string ExerciseId, int Attempt, bool Scored, double Score, double? ModelScore, MedEdu.Compute.Exercises.ExerciseFeedback Feedback, List<string> Answer);

/// <summary>One leaderboard row.</summary>
public sealed record LeaderboardRow(int Rank, string DisplayName, double Total, int Exercises);
