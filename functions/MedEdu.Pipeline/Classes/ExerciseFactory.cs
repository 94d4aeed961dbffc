using System.Text.Json;
using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Makes a class's exercises from its dataset version: the pool of compounds they are drawn from
/// (with the model's predictions), the property's words, and one stored exercise with its key. Used
/// when a class is created and when an instructor regenerates or edits one of its exercises.
/// </summary>
public sealed class ExerciseFactory(CampaignService campaigns, DatasetService datasets, CompoundRepository compounds, ModelRepository models)
{
    /// <summary>How exercises and keys are stored.</summary>
    public static JsonSerializerOptions Json => SubmissionEntity.StoredJson;

    /// <summary>Most compounds a class's exercises are drawn from; a larger version gives a seeded sample of whole chunks.</summary>
    public const int MaxPool = 20_000;

    /// <summary>The compounds a class on <paramref name="key"/> draws from (the same seeded sample every time), with the model's predictions.</summary>
    public async Task<List<ExerciseCompound>> PoolAsync(DatasetVersionKey key)
    {
        var (pool, firstRows) = await compounds.SampleAsync(key, MaxPool, seed: key.Version);
        var predictions = (await models.PredictionsAsync(key, firstRows)).ToDictionary(p => p.RowKey);
        return pool.Select(c =>
        {
            predictions.TryGetValue(c.RowKey, out var p);
            return new ExerciseCompound(c.CompoundId, c.Name ?? c.CompoundId, c.Smiles, c.FingerprintWords(), c.MolWt, c.MolLogP, c.TPSA, c.NumHDonors, c.NumHAcceptors,
                c.NumRotatableBonds, c.Value, p?.Predicted, p?.InDomain ?? true, HeldOut: p is { InTraining: false });
        }).ToList();
    }

    /// <summary>The dataset's property profile, named <paramref name="name"/> when the class gives its own words.</summary>
    public async Task<PropertyProfile> PropertyAsync(string datasetId, string? name)
    {
        var property = await datasets.PropertyAsync(datasetId) ?? PropertyProfile.Unnamed;
        return string.IsNullOrWhiteSpace(name) ? property : property with { Name = name.Trim() };
    }

    /// <summary>
    /// Generates one exercise as the row <paramref name="exerciseId"/> of <paramref name="classId"/>
    /// (a campaign's library is stored first, so no student meets a campaign without it).
    /// </summary>
    /// <exception cref="ArgumentException">The pool cannot supply this kind at this level.</exception>
    public async Task<ExerciseEntity> GenerateAsync(string classId, string exerciseId, ExerciseRecipe recipe, IReadOnlyList<ExerciseCompound> pool, PropertyProfile property)
    {
        Exercise exercise;
        AnswerKey answer;
        if (recipe.Kind == ExerciseKind.Campaign)
        {
            (exercise, answer, var setup) = CampaignService.Generate(pool, recipe.Seed, recipe.Difficulty, property, recipe.Campaign ?? Compute.Campaigns.CampaignOptions.ForDifficulty(recipe.Difficulty));
            await campaigns.StoreAsync(classId, exerciseId, setup);
        }
        else
        {
            (exercise, answer) = ExerciseGenerator.Generate(recipe.Kind, pool, recipe.Seed, recipe.Difficulty, property, recipe.Rules);
        }

        return Entity(classId, exerciseId, recipe.Seed, exercise with { Id = exerciseId }, answer);
    }

    /// <summary>The stored row of an exercise and its key.</summary>
    public static ExerciseEntity Entity(string classId, string exerciseId, int seed, Exercise exercise, AnswerKey key) => new()
    {
        PartitionKey = classId,
        RowKey = exerciseId,
        Kind = exercise.Kind.ToString(),
        Difficulty = exercise.Difficulty,
        Seed = seed,
        ExerciseJson = JsonSerializer.Serialize(exercise with { Id = exerciseId }, Json),
        KeyJson = JsonSerializer.Serialize(key, Json),
    };

    /// <summary>The student-facing exercise of a row.</summary>
    public static Exercise ExerciseOf(ExerciseEntity e) => JsonSerializer.Deserialize<Exercise>(e.ExerciseJson, Json)!;

    /// <summary>The answer key of a row.</summary>
    public static AnswerKey KeyOf(ExerciseEntity e) => JsonSerializer.Deserialize<AnswerKey>(e.KeyJson, Json)!;
}

/// <summary>What an exercise is made from: kind, level, rule set, campaign options and seed.</summary>
public sealed record ExerciseRecipe(ExerciseKind Kind, int Difficulty, RuleSet Rules, Compute.Campaigns.CampaignOptions? Campaign, int Seed);
