using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using System.Text;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;
using MedEdu.Compute.Screening.Remote;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Screening;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Testing;

namespace MedEdu.Pipeline.Tests;

/// <summary>ESOL ingested by a local host, so its screening store is in Blob for the workers to load.</summary>
public sealed class WorkerStackFixture : IAsyncLifetime
{
    /// <summary>The dataset id (fresh per run).</summary>
    public string DatasetId { get; } = "wk" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The host that ingested it (searching in-process).</summary>
    public LocalHostProcess Host { get; private set; } = null!;

    /// <summary>The store as the pipeline wrote it.</summary>
    public FingerprintStore Store { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Host = await LocalHostProcess.StartAsync(null, "--MedEdu:TrainModels=false");
        using var r = await Host.Client.RegisterAsync(new { id = DatasetId, bundled = "esol" });
        Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        var version = await Host.Client.WaitForVersionAsync(DatasetId, 1, TimeSpan.FromSeconds(120), () => Host.Log);
        Assert.Equal("Ready", version.GetProperty("status").GetString());
        Store = await new FingerprintStoreRepository(new StorageAccount(StorageAccount.DevelopmentConnectionString)).LoadAsync(new DatasetVersionKey(DatasetId, 1));
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The screening worker over HTTP (published as its Dockerfile publishes it): the same hits as the
/// in-process engines, its refusals, and the local host's use of it with its fallbacks.
/// </summary>
[LongRunning(90)]
[Trait("Category", "Integration")]
public sealed class ScreeningWorkerIntegrationTests(WorkerStackFixture stack) : IClassFixture<WorkerStackFixture>
{
    private static readonly string[] Queries = ["Cc1occc1C(=O)Nc2ccccc2", "c1ccccc1O", "CCCCCCCCO", "Clc1ccc(Cl)cc1", "CC(=O)OC1=CC=CC=C1C(=O)O"];

    [Fact]
    public async Task Worker_search_equals_the_in_process_engines_on_simd_and_ilgpu_cpu()
    {
        using var reference = new SimdCpuEngine();
        var fingerprints = Queries.Select(s => MorganFingerprint.BitVector(SmilesParser.Parse(s))).ToList();
        var cases = new (object Body, ScreeningRequest Request)[]
        {
            (new { k = 10 }, ScreeningRequest.TopK(fingerprints, 10)),
            (new { threshold = 0.4f }, ScreeningRequest.AtLeast(fingerprints, 0.4f)),
            (new { k = 25, metric = "dice", filter = "druglike" }, ScreeningRequest.TopK(fingerprints, 25, SimilarityMeasure.Dice, PropertyFilter.DrugLike)),
            (new { threshold = 0.3f, metric = "tversky", alpha = 0.9f, beta = 0.1f, filter = "lipinski" }, ScreeningRequest.AtLeast(fingerprints, 0.3f, SimilarityMeasure.Tversky(0.9f, 0.1f), PropertyFilter.Lipinski)),
        };

        // ILGPU's CPU accelerator stands in for the GPU in CI; with a CUDA device present the worker runs the real kernels too.
        using var cuda = IlgpuEngine.TryCreate(IlgpuTarget.Cuda);
        string[] accelerators = cuda is null ? ["simd", "cpu"] : ["simd", "cpu", "cuda"];
        foreach (string accelerator in accelerators)
        {
            await using var worker = await ScreeningWorkerProcess.StartAsync($"--Screening:Accelerator={accelerator}");
            var ready = await worker.Anonymous.GetFromJsonAsync<JsonElement>("readyz");
            string engine = accelerator switch { "cpu" => "ilgpu-cpu", "cuda" => "ilgpu-cuda", _ => "simd" };
            Assert.Equal(engine, ready.GetProperty("engine").GetString());
            foreach (var (options, request) in cases)
            {
                var expected = reference.Search(stack.Store, request);
                var answer = await SearchAsync(worker, Body(Queries.Select(s => new { smiles = s }), options));
                Assert.Equal(engine, answer.Engine);
                Assert.Equal(Queries.Length, answer.Results.Count);
                for (int q = 0; q < Queries.Length; q++)
                {
                    Assert.Equal(expected.Hits[q].Select(h => (stack.Store.Ids[h.Index], h.Score)), answer.Results[q].Hits.Select(h => (h.Id, h.Score)));
                }
            }

            // A fingerprint query is the same search as its SMILES.
            var byFingerprint = await SearchAsync(worker, Body([new { fingerprint = RemoteQuery.Encode(fingerprints[0]) }], new { k = 10 }));
            Assert.Null(byFingerprint.Results[0].Query);
            Assert.Equal(reference.Search(stack.Store, ScreeningRequest.TopK([fingerprints[0]], 10)).Hits[0].Select(h => stack.Store.Ids[h.Index]), byFingerprint.Results[0].Hits.Select(h => h.Id));
        }
    }

    [Fact]
    public async Task Worker_refuses_callers_and_requests_it_cannot_serve_with_problems()
    {
        await using var worker = await ScreeningWorkerProcess.StartAsync("--Worker:MaxQueries=20", "--Worker:MaxRequestBytes=65536");
        var one = Body([new { smiles = "CCO" }], new { k = 5 });

        using (var missing = await worker.Anonymous.PostAsync("search", Json(one)))
        {
            await AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "x-worker-key");
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "search") { Content = Json(one) })
        {
            wrong.Headers.Add("x-worker-key", "not-the-key");
            await AssertProblemAsync(await worker.Anonymous.SendAsync(wrong), HttpStatusCode.Unauthorized, "does not match");
        }

        using (var batch = await worker.Client.PostAsync("search", Json(Body(Enumerable.Range(0, 21).Select(_ => new { smiles = "CCO" }), new { k = 5 }))))
        {
            await AssertProblemAsync(batch, HttpStatusCode.RequestEntityTooLarge, "at most 20");
        }

        using (var huge = await worker.Client.PostAsync("search", Json(Body([new { smiles = new string('C', 70_000) }], new { k = 5 }))))
        {
            await AssertProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "65536 bytes");
        }

        using (var badSmiles = await worker.Client.PostAsync("search", Json(Body([new { smiles = "CCO" }, new { smiles = "C1CC" }], new { k = 5 }))))
        {
            await AssertProblemAsync(badSmiles, HttpStatusCode.BadRequest, "query 1: invalid SMILES");
        }

        using (var badJson = await worker.Client.PostAsync("search", new StringContent("{\"dataset\": ", Encoding.UTF8, "application/json")))
        {
            await AssertProblemAsync(badJson, HttpStatusCode.BadRequest, "not a search request");
        }

        using (var both = await worker.Client.PostAsync("search", Json(Body([new { smiles = "CCO" }], new { k = 5, threshold = 0.5 }))))
        {
            await AssertProblemAsync(both, HttpStatusCode.BadRequest, "not both");
        }

        using (var narrow = await worker.Client.PostAsync("search", Json(Body([new { fingerprint = RemoteQuery.Encode(new ulong[4]) }], new { k = 5 }))))
        {
            await AssertProblemAsync(narrow, HttpStatusCode.BadRequest, "256 bits");
        }

        using (var unknown = await worker.Client.PostAsync("search", Json(new { dataset = stack.DatasetId, version = 99, queries = new[] { new { smiles = "CCO" } } })))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "v99");
        }

        var ready = await worker.Anonymous.GetFromJsonAsync<JsonElement>("readyz");
        Assert.Equal("simd", ready.GetProperty("engine").GetString());
        Assert.Contains("found", ready.GetProperty("stores").GetString());

        // Alive but not ready when the stores cannot be reached.
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var stranded = await ScreeningWorkerProcess.StartAsync($"--Worker:Storage:ConnectionString={nowhere}");
        using var notReady = await stranded.Anonymous.GetAsync("readyz");
        await AssertProblemAsync(notReady, HttpStatusCode.ServiceUnavailable, "did not answer");
    }

    [Fact]
    public async Task Local_host_searches_on_the_worker_and_falls_back_naming_why()
    {
        string path = $"api/datasets/{stack.DatasetId}/similar?smiles={Uri.EscapeDataString(Queries[0])}&k=10&filter=druglike";
        var inProcess = await stack.Host.Client.GetJsonAsync(path);
        Assert.Equal("simd", inProcess.GetProperty("engine").GetString());

        await using var worker = await ScreeningWorkerProcess.StartAsync();
        await using (var host = await LocalHostProcess.StartAsync(null, $"--Screening:WorkerUrl={worker.Url}", $"--Screening:WorkerKey={ScreeningWorkerProcess.Key}"))
        {
            var remote = await host.Client.GetJsonAsync(path);
            Assert.Equal("worker:simd", remote.GetProperty("engine").GetString());
            Assert.False(remote.TryGetProperty("fallback", out _));
            Assert.Equal(Hits(inProcess), Hits(remote));

            worker.Kill();
            var fallback = await host.Client.GetJsonAsync(path);
            Assert.Equal("simd", fallback.GetProperty("engine").GetString());
            Assert.Contains("unreachable", fallback.GetProperty("fallback").GetString());
            Assert.Equal(Hits(inProcess), Hits(fallback));
            Assert.Contains("Screening worker", host.Log);
        }

        // A worker that accepts the connection and never answers: the timeout, then the fallback.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        await using (var host = await LocalHostProcess.StartAsync(null, $"--Screening:WorkerUrl=http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", "--Screening:WorkerKey=k", "--Screening:WorkerTimeout=00:00:02"))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var slow = await host.Client.GetJsonAsync(path);
            Assert.InRange(watch.Elapsed.TotalSeconds, 2, 30);
            Assert.Equal("simd", slow.GetProperty("engine").GetString());
            Assert.Contains("did not answer within 2 s", slow.GetProperty("fallback").GetString());
            Assert.Equal(Hits(inProcess), Hits(slow));
        }

        silent.Stop();
        held.ForEach(c => c.Dispose());

        // A worker that refuses the host's credential: 401 there, the fallback here.
        await using var strict = await ScreeningWorkerProcess.StartAsync();
        await using (var host = await LocalHostProcess.StartAsync(null, $"--Screening:WorkerUrl={strict.Url}", "--Screening:WorkerKey=wrong"))
        {
            var refused = await host.Client.GetJsonAsync(path);
            Assert.Equal("simd", refused.GetProperty("engine").GetString());
            Assert.Contains("answered 401", refused.GetProperty("fallback").GetString());
        }
    }

    private object Body(IEnumerable<object> queries, object options)
    {
        var body = new Dictionary<string, object?> { ["dataset"] = stack.DatasetId, ["version"] = 1, ["queries"] = queries.ToList() };
        foreach (var property in options.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(options);
        }

        return body;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, ScreeningWorkerClient.WireJson), Encoding.UTF8, "application/json");

    private static async Task<RemoteSearchResponse> SearchAsync(ScreeningWorkerProcess worker, object body)
    {
        using var response = await worker.Client.PostAsync("search", Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"worker answered {(int)response.StatusCode}: {text}\n{worker.Log}");
        return JsonSerializer.Deserialize<RemoteSearchResponse>(text, ScreeningWorkerClient.WireJson)!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    private static List<(string, float)> Hits(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("compoundId").GetString()!, h.GetProperty("score").GetSingle())).ToList();
}
