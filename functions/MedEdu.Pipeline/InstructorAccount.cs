namespace MedEdu.Pipeline;

/// <summary>An instructor of a local or self-hosted instance and the key that identifies them.</summary>
public sealed class InstructorAccount
{
    /// <summary>Stable id (owns classes).</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The instructor's own key, sent in <c>x-functions-key</c>.</summary>
    public string Key { get; set; } = "";
}
