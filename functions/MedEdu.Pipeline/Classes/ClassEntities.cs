using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Classes;

/// <summary>A class: a group of students doing one exercise set drawn from one dataset version.</summary>
public sealed class ClassEntity : ITableEntity
{
    /// <summary>All classes share one partition.</summary>
    public const string Partition = "class";

    public string PartitionKey { get; set; } = Partition;

    /// <summary>Row key: the class id.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string DatasetId { get; set; } = "";
    public int Version { get; set; }

    /// <summary>The code students join with.</summary>
    public string Code { get; set; } = "";
    public string Property { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Id of the instructor who created the class ("" for classes made before owners were kept).</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>The owner's display name.</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>Ids of the co-instructors the owner added, comma-separated.</summary>
    public string CoInstructors { get; set; } = "";

    /// <summary>When teaching ends; a retention setting deletes the class a number of days after it. Null: no end date.</summary>
    public DateTimeOffset? EndsOn { get; set; }

    /// <summary>"draft" while the instructor reviews the exercises (students cannot join), then "published"; rows made before drafts read as published.</summary>
    public string Status { get; set; } = ClassStatus.Published;

    /// <summary>When the class was published; null for a draft (and for classes made before drafts).</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The page's default language for the class's students ("en", "es" or "ar"; "" when the instructor chose none: each browser's language); each student may choose another.</summary>
    public string Language { get; set; } = "";

    /// <summary>True while students cannot join (not a column).</summary>
    [System.Runtime.Serialization.IgnoreDataMember]
    public bool IsDraft => Status == ClassStatus.Draft;
}

/// <summary>A class's status.</summary>
public static class ClassStatus
{
    /// <summary>Being reviewed by its instructors; students are refused.</summary>
    public const string Draft = "draft";

    /// <summary>Open to students.</summary>
    public const string Published = "published";
}

/// <summary>One exercise of a class, with its answer key (never served before the student submits).</summary>
public sealed class ExerciseEntity : ITableEntity
{
    /// <summary>Partition: the class id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the exercise id.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Kind { get; set; } = "";
    public int Difficulty { get; set; }
    public int Seed { get; set; }
    public int Order { get; set; }

    /// <summary>The student-facing exercise as JSON.</summary>
    public string ExerciseJson { get; set; } = "";

    /// <summary>The answer key as JSON.</summary>
    public string KeyJson { get; set; } = "";

    /// <summary>The id of the exercise's first revision ("" for a first revision: its own id); a published exercise an instructor changes gets a new revision.</summary>
    public string Lineage { get; set; } = "";

    /// <summary>1 for the exercise as generated, then one more for each published change.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>True when a newer revision replaced it, or an instructor withdrew it: students who answered it keep it and its key, no one else is given it.</summary>
    public bool Retired { get; set; }

    /// <summary>The first revision's id: the exercise all revisions are versions of (not a column).</summary>
    [System.Runtime.Serialization.IgnoreDataMember]
    public string LineageId => Lineage.Length > 0 ? Lineage : RowKey;
}

/// <summary>A student of a class: a pseudonymous id, a chosen display name and a hashed token.</summary>
public sealed class StudentEntity : ITableEntity
{
    /// <summary>Partition: the class id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the student id.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>SHA-256 of the student's bearer token (the token itself is never stored).</summary>
    public string TokenHash { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A submission; the first one per exercise is scored, later ones are recorded only.</summary>
public sealed class SubmissionEntity : ITableEntity
{
    /// <summary>Partition: the class id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: student id | exercise id | attempt number.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string StudentId { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public int Attempt { get; set; }
    public string AnswerJson { get; set; } = "";
    public bool Scored { get; set; }
    public double Score { get; set; }
    public double? ModelScore { get; set; }
    public string FeedbackJson { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>An attempt's row: the answer, its feedback and score.</summary>
    public static SubmissionEntity Create(string classId, string studentId, string exerciseId, int attempt, bool scored, IReadOnlyList<string> answer,
        MedEdu.Compute.Exercises.ExerciseFeedback feedback, DateTimeOffset at) => new()
        {
            PartitionKey = classId,
            RowKey = RowKeyOf(studentId, exerciseId, attempt),
            StudentId = studentId,
            ExerciseId = exerciseId,
            Attempt = attempt,
            AnswerJson = System.Text.Json.JsonSerializer.Serialize(answer, StoredJson),
            Scored = scored,
            Score = feedback.Score,
            ModelScore = feedback.ModelScore,
            FeedbackJson = System.Text.Json.JsonSerializer.Serialize(feedback, StoredJson),
            SubmittedAt = at,
        };

    /// <summary>The stored answer (a method, so the table does not store it twice as a column).</summary>
    public List<string> Answer() => System.Text.Json.JsonSerializer.Deserialize<List<string>>(AnswerJson, StoredJson) ?? [];

    /// <summary>How answers and feedback are stored.</summary>
    public static System.Text.Json.JsonSerializerOptions StoredJson { get; } = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Row key of an attempt.</summary>
    public static string RowKeyOf(string studentId, string exerciseId, int attempt) => $"{studentId}|{exerciseId}|{attempt:D3}";
}
