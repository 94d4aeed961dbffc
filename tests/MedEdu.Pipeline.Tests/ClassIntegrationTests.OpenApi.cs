using System.Diagnostics;
using System.Text.Json;
using MedEdu.ApiClient;
using MedEdu.ApiClient.Models;
using MedEdu.Api.OpenApi;
using MedEdu.Pipeline.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// The OpenAPI document generated from the code, and the C# client Kiota generates from it
/// (clients/MedEdu.ApiClient), driving a whole student flow and an instructor flow on the local host.
/// </summary>
public sealed partial class ClassIntegrationTests
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task TheServedDocumentIsTheOneGeneratedFromTheCodeAndDescribesEveryOperation()
    {
        // The host serves the embedded document unchanged, and the embedded document is what the
        // API's definition generates now (the build writes it; a stale copy fails here).
        string served = await Anonymous.GetStringAsync("api/openapi.json");
        Assert.Equal(ApiDescription.Json, served);
        string fresh = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        using (var generate = Process.Start(new ProcessStartInfo("dotnet", [RepoPaths.ApiDll, "--write-openapi", fresh]) { RedirectStandardOutput = true })!)
        {
            await generate.WaitForExitAsync();
            Assert.Equal(0, generate.ExitCode);
        }

        Assert.True(File.ReadAllText(fresh) == served, "functions/MedEdu.Api/OpenApi/openapi.json is stale: build MedEdu.Api (which rewrites it) and commit it");
        File.Delete(fresh);

        var doc = JsonDocument.Parse(served).RootElement;
        Assert.StartsWith("3.1", doc.GetProperty("openapi").GetString());
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("x-functions-key", schemes.GetProperty("instructorKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("studentToken").GetProperty("scheme").GetString());
        int operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                string where = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var responses = op.Value.GetProperty("responses");
                var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                Assert.True(success.Count == 1, $"{where}: one success answer");
                Assert.All(success[0].Value.GetProperty("content").EnumerateObject(), c => Assert.True(c.Value.TryGetProperty("schema", out _), $"{where}: {c.Name} without a schema"));
                var problems = responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
                Assert.Contains(problems, p => p.Name == "500");
                Assert.All(problems, p => Assert.Equal("#/components/schemas/ProblemDetails",
                    p.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()));
                if (op.Name == "post" && !path.Name.EndsWith("/refresh", StringComparison.Ordinal) && !path.Name.EndsWith("/pause", StringComparison.Ordinal) && !path.Name.EndsWith("/resume", StringComparison.Ordinal) && !path.Name.EndsWith("/publish", StringComparison.Ordinal))
                {
                    Assert.True(op.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), $"{where}: no request schema");
                }

                string? scheme = op.Value.TryGetProperty("security", out var security) ? security[0].EnumerateObject().Single().Name : null;
                // An exercise's review routes (remove, reword, regenerate, replace) are its instructors'.
                bool review = op.Name is "delete" or "patch" || path.Name.EndsWith("/regenerate", StringComparison.Ordinal) || path.Name.EndsWith("/replace", StringComparison.Ordinal);
                string expected = (path.Name.StartsWith("/api/classes/{classId}/exercises", StringComparison.Ordinal) && !review) || path.Name is "/api/classes/{classId}/submissions" or "/api/classes/{classId}/leaderboard" or "/api/classes/{classId}/next"
                    ? "studentToken"
                    : op.Name == "get" && (path.Name.StartsWith("/api/compounds", StringComparison.Ordinal) || path.Name.StartsWith("/api/depiction", StringComparison.Ordinal)
                        || path.Name is "/api/datasets" or "/api/datasets/{id}" or "/api/datasets/{id}/compounds" or "/api/datasets/{id}/versions/{version}/files" or "/api/datasets/{id}/model" or "/api/datasets/{id}/similar")
                        || path.Name == "/api/classes/join"
                        ? "none"
                        : "instructorKey";
                Assert.True((scheme ?? "none") == expected, $"{where}: security {scheme ?? "none"}, expected {expected}");
            }
        }

        Assert.True(operations >= 33, $"{operations} operations");
        Assert.Contains("/api/classes/{classId}/exercises/{exerciseId}/campaign", doc.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheGeneratedClientRunsAStudentFlowAndAnInstructorFlow()
    {
        var baseUrl = fixture.Host.Client.BaseAddress!.ToString().TrimEnd('/');
        // Kiota's ApiKeyAuthenticationProvider insists on https; the local host is http, so the
        // credential rides on the HttpClient's default headers instead.
        MedEduApiClient Client(string header, string value)
        {
            var http = new HttpClient();
            http.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
            return new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
        }

        var instructor = Client("x-functions-key", LocalHostProcess.InstructorKey);

        // The instructor registers FreeSolv, follows its ingestion and makes a class of it.
        string datasetId = DatasetApi.UniqueId("kiota");
        var registered = await instructor.Api.Datasets.PostAsync(new DatasetRegistration { Id = datasetId, Name = "FreeSolv (generated client)", Bundled = "freesolv" });
        Assert.Equal(datasetId, registered!.Id);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await instructor.Api.Datasets[datasetId].GetAsync())!.ReadyVersion != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "FreeSolv did not become ready through the generated client");
            await Task.Delay(500);
        }

        var created = await instructor.Api.Classes.PostAsync(new CreateClassRequest
        {
            Name = "Generated client class",
            DatasetId = datasetId,
            Publish = true,
            Seed = 4,
            Exercises = [new ExerciseSpec { Kind = "SimilarityHunt", Difficulty = 1, Count = 1 }, new ExerciseSpec { Kind = "PropertyRanking", Difficulty = 1, Count = 1 }],
        });
        Assert.Equal(2, created!.Exercises!.Count);

        // A student joins, lists, fetches, submits and reads the leaderboard.
        var anonymous = new MedEduApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = baseUrl });
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.Classes.Join.PostAsync(new JoinRequest { Code = "NOPE00", DisplayName = "Kiota" }));
        Assert.Equal(404, refused.ResponseStatusCode);
        Assert.Equal("no class has that code", refused.Detail);
        var joined = await anonymous.Api.Classes.Join.PostAsync(new JoinRequest { Code = created.Code, DisplayName = "Kiota" });
        var student = Client("Authorization", $"Bearer {joined!.Token}");
        var classroom = student.Api.Classes[created.ClassId!];
        var exercises = (await classroom.Exercises.GetAsync())!;
        Assert.Equal(["SimilarityHunt", "PropertyRanking"], exercises.Select(e => e.Kind));
        var hunt = await classroom.Exercises[exercises[0].Id!].GetAsync();
        Assert.Equal(ExerciseKind.SimilarityHunt, hunt!.Kind);
        Assert.NotNull(hunt.Query);
        var answer = hunt.Candidates!.Take(hunt.Picks!.Value).Select(c => c.Id!).ToList();
        var result = await classroom.Exercises[hunt.Id!].Submissions.PostAsync(new SubmissionRequest { Answer = answer });
        Assert.True(result!.Scored);
        Assert.Equal(answer, result.Answer);
        Assert.InRange(result.Score!.Value, 0, 100);
        Assert.Equal(hunt.Candidates!.Count, result.Feedback!.Truth!.Count); // the whole true order, best first
        var board = await classroom.Leaderboard.GetAsync();
        Assert.Equal(result.Score, Assert.Single(board!).Total);

        // The instructor reads the results.
        var results = await instructor.Api.Classes[created.ClassId!].Results.GetAsync();
        Assert.Equal("Kiota", Assert.Single(results!).DisplayName);
        var mine = await instructor.Api.Classes.GetAsync();
        Assert.Contains(mine!, c => c.ClassId == created.ClassId && c.Role == "owner");
    }
}
