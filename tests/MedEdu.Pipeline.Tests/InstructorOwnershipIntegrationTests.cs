using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>A local host with two instructor accounts (Ana and Ben) and the break-glass instance key, on ESOL.</summary>
public sealed class TwoInstructorsFixture : IAsyncLifetime
{
    public const string AnaKey = "ana-key-1234", BenKey = "ben-key-5678";

    private LocalHostProcess? _host;

    public LocalHostProcess Host => _host ?? throw new InvalidOperationException("host not started");

    public string DatasetId { get; } = DatasetApi.UniqueId("esol-own");

    public async Task InitializeAsync()
    {
        _host = await LocalHostProcess.StartAsync(null,
            "--MedEdu:Instructors:0:Id=ana", "--MedEdu:Instructors:0:Name=Ana Ortiz", $"--MedEdu:Instructors:0:Key={AnaKey}",
            "--MedEdu:Instructors:1:Id=ben", "--MedEdu:Instructors:1:Name=Ben Okafor", $"--MedEdu:Instructors:1:Key={BenKey}");
        using var registered = await Host.Client.RegisterAsync(new { id = DatasetId, bundled = "esol" });
        DatasetApi.AssertReady(await Host.Client.WaitForVersionAsync(DatasetId, 1, TimeSpan.FromSeconds(120), () => Host.Log));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client sending <paramref name="key"/> as the instructor credential.</summary>
    public HttpClient As(string key)
    {
        var client = new HttpClient { BaseAddress = Host.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }
}

/// <summary>Instructors as people: each owns the classes they create; co-instructors read results; deletion erases every trace and is audited.</summary>
[Trait("Category", "Integration")]
public sealed class InstructorOwnershipIntegrationTests(TwoInstructorsFixture fixture) : IClassFixture<TwoInstructorsFixture>
{
    private async Task<string> CreateClassAsync(HttpClient instructor)
    {
        using var r = await instructor.PostAsJsonAsync("api/classes", new { name = "Pharmacology", datasetId = fixture.DatasetId, seed = 3, publish = true, exercises = new[] { new { kind = "SimilarityHunt", difficulty = 1, count = 1 } } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("classId").GetString()!;
    }

    [Fact]
    public async Task Another_instructor_gets_403_on_a_class_until_its_owner_adds_them()
    {
        using var ana = fixture.As(TwoInstructorsFixture.AnaKey);
        using var ben = fixture.As(TwoInstructorsFixture.BenKey);
        string classId = await CreateClassAsync(ana);

        using (var results = await ben.GetAsync($"api/classes/{classId}/results"))
        {
            await DatasetApi.AssertProblemAsync(results, HttpStatusCode.Forbidden, "belongs to another instructor");
        }

        using (var csv = await ben.GetAsync($"api/classes/{classId}/results?format=csv"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        }

        using (var insights = await ben.GetAsync($"api/classes/{classId}/insights"))
        {
            await DatasetApi.AssertProblemAsync(insights, HttpStatusCode.Forbidden, "belongs to another instructor");
        }

        using (var delete = await ben.DeleteAsync($"api/classes/{classId}"))
        {
            await DatasetApi.AssertProblemAsync(delete, HttpStatusCode.Forbidden, "only the class's owner (Ana Ortiz)");
        }

        using (var add = await ben.PostAsJsonAsync($"api/classes/{classId}/instructors", new { instructorId = "ben" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        }

        Assert.DoesNotContain(classId, await ben.GetStringAsync("api/classes"));
        Assert.Contains(classId, await ana.GetStringAsync("api/classes"));

        // The owner adds Ben: he reads the results (200) and sees the class as a co-instructor, but cannot delete it.
        using (var add = await ana.PostAsJsonAsync($"api/classes/{classId}/instructors", new { instructorId = "ben" }))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync($"api/classes/{classId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync($"api/classes/{classId}/insights")).StatusCode);
        var mine = JsonDocument.Parse(await ben.GetStringAsync("api/classes")).RootElement.EnumerateArray().Single(c => c.GetProperty("classId").GetString() == classId);
        Assert.Equal("co-instructor", mine.GetProperty("role").GetString());
        Assert.Equal("Ana Ortiz", mine.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await ben.DeleteAsync($"api/classes/{classId}")).StatusCode);

        // A wrong key is refused; the instance key (break-glass administrator) sees every class.
        using var stranger = fixture.As("not-a-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"api/classes/{classId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.Client.GetAsync($"api/classes/{classId}/results")).StatusCode);

        // The administrator may add a co-instructor too, and is answered as the administrator, not the owner.
        using var added = await fixture.Host.Client.PostAsJsonAsync($"api/classes/{classId}/instructors", new { instructorId = "cara" });
        var answer = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("administrator", answer.GetProperty("role").GetString());
        Assert.Contains("cara", answer.GetProperty("coInstructors").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task The_principal_header_is_ignored_where_app_service_authentication_is_not_configured()
    {
        // An Entra principal with the Instructor role, as App Service Authentication would pass it on,
        // sent straight to a host that has no such authentication in front of it: it must not count.
        string principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "forged" }, new { typ = "roles", val = "Instructor" } },
            name_typ = "name",
            role_typ = "roles",
        })));
        using var forged = new HttpClient { BaseAddress = fixture.Host.Anonymous.BaseAddress };
        forged.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var r = await forged.GetAsync("api/classes");
        await DatasetApi.AssertProblemAsync(r, HttpStatusCode.Unauthorized, "send your instructor key");
    }

    [Fact]
    public async Task Deleting_a_class_leaves_no_entity_of_it_or_its_students_and_is_audited()
    {
        using var ana = fixture.As(TwoInstructorsFixture.AnaKey);
        string classId = await CreateClassAsync(ana);
        var created = JsonDocument.Parse(await ana.GetStringAsync("api/classes")).RootElement.EnumerateArray().Single(c => c.GetProperty("classId").GetString() == classId);
        string code = created.GetProperty("code").GetString()!;

        // Two students join and submit.
        foreach (string name in new[] { "Grace", "Linus" })
        {
            using var joined = await fixture.Host.Anonymous.PostAsJsonAsync("api/classes/join", new { code, displayName = name });
            string token = JsonDocument.Parse(await joined.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
            using var student = new HttpClient { BaseAddress = fixture.Host.Anonymous.BaseAddress };
            student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var exercise = JsonDocument.Parse(await student.GetStringAsync($"api/classes/{classId}/exercises/e01")).RootElement;
            var picks = exercise.GetProperty("candidates").EnumerateArray().Take(3).Select(c => c.GetProperty("id").GetString()).ToList();
            Assert.Equal(HttpStatusCode.Created, (await student.PostAsJsonAsync($"api/classes/{classId}/exercises/e01/submissions", new { answer = picks })).StatusCode);
        }

        using var deleted = await ana.DeleteAsync($"api/classes/{classId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var erased = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, erased.GetProperty("students").GetInt32());
        Assert.Equal(2, erased.GetProperty("submissions").GetInt32());

        // A scan of every class table: nothing of the class or its students is left.
        var service = new TableServiceClient(Azurite.ConnectionString);
        foreach (string table in new[] { ClassRepository.ClassesTable, ClassRepository.ExercisesTable, ClassRepository.StudentsTable, ClassRepository.SubmissionsTable })
        {
            var rows = service.GetTableClient(table).QueryAsync<TableEntity>();
            await foreach (var row in rows)
            {
                Assert.False(row.PartitionKey == classId || row.RowKey == classId, $"{table} still holds {row.PartitionKey}/{row.RowKey}");
                Assert.DoesNotContain(classId, row.Keys.Select(k => row[k]?.ToString() ?? ""));
            }
        }

        // Nor does any blob name the class (results and insights are computed on request, never stored).
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(Azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                Assert.DoesNotContain(classId, blob.Name);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync($"api/classes/{classId}/results")).StatusCode);
        using (var again = await fixture.Host.Anonymous.PostAsJsonAsync("api/classes/join", new { code, displayName = "Late" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        // The audit says who deleted which class and how much, and holds no student's data.
        var audit = new AuditRepository(new TableProvider(new StorageAccount(Azurite.ConnectionString)));
        var entry = Assert.Single(await audit.ForClassAsync(classId));
        Assert.Equal("class deleted", entry.Action);
        Assert.Equal("ana", entry.ActorId);
        Assert.Equal("2 submissions, 2 students, 1 exercises", entry.Detail);
        Assert.DoesNotContain("Grace", JsonSerializer.Serialize(entry));
    }
}
