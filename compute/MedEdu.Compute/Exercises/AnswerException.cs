namespace MedEdu.Compute.Exercises;

/// <summary>What is wrong with a student's answer, as a kind the API words in the student's language.</summary>
public enum AnswerProblem
{
    /// <summary>The answer names compounds the exercise does not show.</summary>
    NotInExercise,

    /// <summary>The answer names a compound twice.</summary>
    PickedTwice,

    /// <summary>The answer names too many or too few compounds.</summary>
    WrongCount,
}

/// <summary>An answer the scorer cannot score, with its problem and the values that describe it.</summary>
/// <param name="problem">What is wrong.</param>
/// <param name="message">The problem in English.</param>
/// <param name="arguments">The values the message names (the unknown ids; the expected and given counts).</param>
public sealed class AnswerException(AnswerProblem problem, string message, params string[] arguments) : ArgumentException(message)
{
    /// <summary>What is wrong.</summary>
    public AnswerProblem Problem { get; } = problem;

    /// <summary>The values the message names.</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;
}
