namespace MedEdu.Pipeline.Http;

/// <summary>The OpenAPI 3.0 description of the API, served at <c>/api/openapi.json</c> by both hosts.</summary>
public static class OpenApiDocument
{
    private sealed record Operation(string Method, string Path, string Summary, string Security, int Success, string? Description = null);

    private static readonly Operation[] Operations =
    [
        new("post", DatasetRoutes.Collection, "Register a dataset and start ingesting it", "instructor", 202,
            "Body: {\"id\", \"name\"} and exactly one source: {\"bundled\": \"esol|freesolv|bbbp|aqsoldb\"}; "
            + "{\"url\": \"https://...\", \"smilesColumn\", \"nameColumn\", \"valueColumn\"} (host on the allowlist); "
            + "{\"pubchem\": {\"cids\": [2244], \"property\": \"XLogP\"}} or {\"pubchem\": {\"aid\": 1000}}; "
            + "{\"chembl\": {\"target\": \"CHEMBL203\", \"activityType\": \"IC50|Ki|Kd|EC50\"}}; "
            + "{\"upload\": \"<id from POST /api/uploads>\", \"smilesColumn\" (default smiles), \"nameColumn\", \"valueColumn\"} (a CSV, or a SMILES file: one 'SMILES name' per line). "
            + "Optional {\"property\": {\"name\", \"symbol\", \"unit\", \"experimentalError\", \"positive\", \"negative\"}}: what the value means (defaults depend on the source)."),
        new("get", DatasetRoutes.Collection, "List datasets", "none", 200),
        new("post", UploadRoutes.Collection, "Get a write-only URL to upload a dataset file to", "instructor", 201,
            "Body (optional): {\"fileName\"}. Answers {\"id\", \"uploadUrl\", \"expiresAt\", \"maxBytes\"}: PUT the file to uploadUrl with x-ms-blob-type: BlockBlob (or its blocks, then the block list), "
            + "then register it with POST /api/datasets {\"upload\": id}. An unknown id answers 404, a used one 409, an expired one 410, a file over the limit 413, one that is not CSV or SMILES 415."),
        new("get", DatasetRoutes.Item, "Dataset status, versions and ingestion progress", "none", 200),
        new("post", DatasetRoutes.Refresh, "Ingest a new version from the registered source", "instructor", 202),
        new("get", DatasetRoutes.Compounds, "A page of compounds of the served version", "none", 200),
        new("get", DatasetRoutes.Quarantine, "Rows refused by ingestion", "instructor", 200),
        new("get", DatasetRoutes.Files, "The version's compounds as Parquet files (row ranges, counts, read-only URLs valid an hour)", "none", 200),
        new("get", DatasetRoutes.Model, "The version's model and metrics", "none", 200),
        new("get", DatasetRoutes.Similar, "Most similar compounds to a SMILES; engine names what ran (worker:<engine> on the screening worker), fallback why the worker did not", "none", 200),
        new("post", ClassRoutes.Create, "Create a class and its exercise set", "instructor", 201,
            "Body: {\"name\", \"datasetId\", \"property\", \"seed\", \"endsOn\", \"exercises\": [{\"kind\": \"SimilarityHunt|PropertyRanking|Classify|VirtualScreen|RuleCheck|MatchedPair|ActivityCliff|ScaffoldHop\", \"difficulty\": 1-3, \"count\", \"rules\": \"druglike|pains\" (RuleCheck)}]}; "
            + "a kind that does not fit the dataset's values (a ranking of 0/1 labels, a classification of measurements) is refused with 400 naming why; without exercises, one of each kind that fits. The caller owns the class."),
        new("get", ClassRoutes.Create, "The classes you own or co-teach (every class for an administrator)", "instructor", 200),
        new("get", ClassRoutes.Results, "Class results (JSON leaderboard or ?format=csv); 403 unless you own or co-teach the class", "instructor", 200),
        new("get", ClassRoutes.Insights, "Class insights: scores by kind and level, misjudged compounds (and the model's), falling students, progress by day (JSON or ?format=csv)", "instructor", 200),
        new("post", ClassRoutes.Instructors, "Add a co-instructor (owner only)", "instructor", 200, "Body: {\"instructorId\"}: their Entra object id, or their account id on a local instance."),
        new("delete", ClassRoutes.Item, "Delete the class with its students, their tokens and submissions (owner only; audited)", "instructor", 200),
        new("post", ClassRoutes.Join, "Join a class with its code; returns a student token", "none", 201),
        new("get", ClassRoutes.Exercises, "The class's exercises with your scores", "student", 200),
        new("get", ClassRoutes.Exercise, "One exercise (never its answer)", "student", 200),
        new("post", ClassRoutes.Submit, "Submit an answer; the first submission is scored", "student", 201),
        new("get", ClassRoutes.MySubmissions, "Your own submissions and feedback", "student", 200),
        new("get", ClassRoutes.Leaderboard, "The class leaderboard", "student", 200),
        new("get", ClassRoutes.Next, "What to practise next, and why", "student", 200),
        new("get", ClassRoutes.Campaign, "A discovery campaign as the caller has played it: library, revealed values, every player's curve (play a round with the submissions route)", "student", 200),
        new("get", ClassRoutes.Campaigns, "The discovery curves of every campaign of the class", "instructor", 200),
        new("get", ClassRoutes.CampaignResults, "Every student's discovery curve beside the model's (format=csv for CSV)", "instructor", 200),
        new("post", ScheduleRoutes.Collection, "Refresh the dataset on an NCRONTAB schedule (6 fields, UTC)", "instructor", 201, "Body: {\"cron\": \"0 0 3 * * MON\"}."),
        new("get", ScheduleRoutes.Collection, "The dataset's refresh schedules", "instructor", 200),
        new("delete", ScheduleRoutes.Item, "Remove a schedule", "instructor", 200),
        new("post", ScheduleRoutes.Pause, "Pause a schedule", "instructor", 200),
        new("post", ScheduleRoutes.Resume, "Resume a schedule (next due at its next occurrence from now)", "instructor", 200),
        new("get", CompoundRoutes.Depiction, "SVG drawing of a stored compound (cached in Blob)", "none", 200,
            "Query: version (default: the served one), aromatic=kekule|circles, width and height in pixels (50-2000), highlight=similarity|logp|tpsa|alerts (atoms coloured, with a legend) and query=SMILES for similarity."),
        new("get", CompoundRoutes.DepictSmiles, "SVG drawing of any SMILES", "none", 200, "Query: smiles, aromatic, width, height, highlight, query."),
        new("get", WebAppRoutes.Route, "The student and instructor web page", "none", 200),
    ];

    /// <summary>Route template of the document itself (relative to /api).</summary>
    public const string Route = "openapi.json";

    /// <summary>The document as an object graph ready to serialize.</summary>
    public static object Build()
    {
        var paths = new Dictionary<string, Dictionary<string, object>>();
        foreach (var op in Operations)
        {
            string path = "/api/" + op.Path;
            if (!paths.TryGetValue(path, out var item))
            {
                paths[path] = item = [];
            }

            var parameters = System.Text.RegularExpressions.Regex.Matches(op.Path, "{(\\w+)}")
                .Select(m => (object)new Dictionary<string, object> { ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new { type = "string" } })
                .ToList();
            var operation = new Dictionary<string, object>
            {
                ["summary"] = op.Summary,
                ["description"] = op.Description ?? op.Summary,
                ["parameters"] = parameters,
                ["responses"] = new Dictionary<string, object>
                {
                    [op.Success.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new { description = "success" },
                    ["default"] = new { description = "RFC 7807 problem", content = new Dictionary<string, object> { ["application/problem+json"] = new { } } },
                },
            };
            if (op.Security != "none")
            {
                operation["security"] = new[] { new Dictionary<string, string[]> { [op.Security] = [] } };
            }

            item[op.Method] = operation;
        }

        return new Dictionary<string, object>
        {
            ["openapi"] = "3.0.3",
            ["info"] = new { title = "MedEdu API", version = "1.0", description = "Compound datasets turned into drug-discovery exercises for pharmacy students." },
            ["paths"] = paths,
            ["components"] = new
            {
                securitySchemes = new Dictionary<string, object>
                {
                    ["instructor"] = new { type = "apiKey", @in = "header", name = InstructorGuard.Header },
                    ["student"] = new { type = "http", scheme = "bearer" },
                },
            },
        };
    }
}
