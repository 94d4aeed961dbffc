using System.Net;
using System.Text;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Testing;

namespace MedEdu.Pipeline.Tests;

/// <summary>Ingestion end to end: the real local host, its durable backend and Azurite.</summary>
[LongRunning(30)]
[Trait("Category", "Integration")]
public sealed class IngestionIntegrationTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task BundledEsolIsIngestedWithEveryRowStored()
    {
        string id = DatasetApi.UniqueId("esol");
        using var response = await Client.RegisterAsync(new { id, bundled = "esol" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/datasets/{id}", response.Headers.Location?.OriginalString);

        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Ready", version.GetProperty("status").GetString());
        Assert.Equal(1128, version.GetProperty("totalRows").GetInt32());
        Assert.Equal(1128, version.GetProperty("stored").GetInt32());
        Assert.Equal(0, version.GetProperty("quarantined").GetInt32());

        var status = await Client.GetJsonAsync($"api/datasets/{id}");
        Assert.Equal(1, status.GetProperty("readyVersion").GetInt32());
        var ingestion = status.GetProperty("ingestion");
        Assert.Equal("Completed", ingestion.GetProperty("runtimeStatus").GetString());
        Assert.Equal(100, ingestion.GetProperty("progress").GetProperty("percent").GetInt32());

        var compounds = await Client.GetAllPagesAsync($"api/datasets/{id}/compounds");
        Assert.Equal(1128, compounds.Count);
        Assert.Equal(1128, compounds.Select(c => c.GetProperty("id").GetString()).Distinct().Count());

        // First and last rows of esol-delaney.csv, as published.
        Assert.Equal("Amigdalin", compounds[0].GetProperty("name").GetString());
        Assert.Equal("OCC3OC(OCC2OC(OC(C#N)c1ccccc1)C(O)C(O)C2O)C(O)C(O)C3O", compounds[0].GetProperty("smiles").GetString());
        Assert.Equal(-0.77, compounds[0].GetProperty("value").GetDouble());
        Assert.Equal("Stirofos", compounds[^1].GetProperty("name").GetString());
        Assert.Equal(-4.522, compounds[^1].GetProperty("value").GetDouble());

        // Amigdalin (amygdalin, C20H27NO11): formula and weight as published, descriptors from the chemistry core.
        var properties = compounds[0].GetProperty("properties");
        Assert.Equal("C20H27NO11", properties.GetProperty("formula").GetString());
        Assert.Equal(457.432, properties.GetProperty("molWt").GetDouble(), 2);
        Assert.Equal(7, properties.GetProperty("numHDonors").GetInt32());

        // The version's model: trained as part of ingestion, held-out metrics recorded.
        var model = await Client.GetJsonAsync($"api/datasets/{id}/model");
        Assert.Equal("Regression", model.GetProperty("task").GetString());
        Assert.InRange(model.GetProperty("rmse").GetDouble(), 0.3, 0.9);
        Assert.Equal(902, model.GetProperty("trainCount").GetInt32());

        // Each activity ran once, training included, though the shared host hides a taken message
        // for only SharedLocalHost.VisibilityTimeout (the host renews the lock of a running one).
        // Without the renewal, ESOL's training (3-5 s here) is handed out again while it runs and
        // the backend logs both lines below.
        Assert.True(model.GetProperty("trainingSeconds").GetDouble() > 0);
        string log = fixture.Host.Log;
        foreach (string twice in new[] { "runs again", "is being processed multiple times", "PopReceiptMismatch" })
        {
            Assert.False(log.Contains(twice, StringComparison.Ordinal), $"the shared host's log says '{twice}':\n{log}");
        }

        // Similarity search over the version's store blob: Fenfuram (row 2) finds itself first.
        var similar = await Client.GetJsonAsync($"api/datasets/{id}/similar?smiles={Uri.EscapeDataString("Cc1occc1C(=O)Nc2ccccc2")}&k=3");
        Assert.Equal("simd", similar.GetProperty("engine").GetString());
        Assert.Equal($"{id}-000002", similar.GetProperty("hits")[0].GetProperty("compoundId").GetString());
        Assert.Equal(1f, similar.GetProperty("hits")[0].GetProperty("score").GetSingle());
        Assert.Equal(3, similar.GetProperty("hits").GetArrayLength());
        using var badQuery = await Client.GetAsync($"api/datasets/{id}/similar?smiles=C1CC");
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("ring closure 1 is never closed", await badQuery.Content.ReadAsStringAsync());

        var page = await Client.GetJsonAsync($"api/datasets/{id}/compounds?skip=10&take=5");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.Equal(11, page.GetProperty("items")[0].GetProperty("rowNumber").GetInt32());
    }

    [Fact]
    public async Task BrokenRowsAreQuarantinedWithReasonsAndGoodRowsKept()
    {
        await using var server = await CsvFileServer.StartAsync();
        var csv = new MemoryStream();
        void Line(string text) => csv.Write(Encoding.UTF8.GetBytes(text + "\n"));
        Line("name,smiles,logS");
        Line("ethanol,CCO,1.10");                         // row 1 good
        Line("too,many,fields,here");                     // row 2 wrong column count
        Line("nothing,,0.5");                             // row 3 empty SMILES
        Line("benzene,c1ccccc1,soluble");                 // row 4 non-numeric value
        csv.Write([0x62, 0x61, 0x64, 0xFF, 0xFE, (byte)',', (byte)'C', (byte)',', (byte)'1', (byte)'\n']); // row 5 bad UTF-8
        Line("\"quoted, name\",CC(=O)O,-0.2");            // row 6 good, quoted comma
        Line("\"multi\nline\",CCN,0.3");                  // row 7 good, newline inside quotes (lines 8-9)
        Line("open \"quote,CCC,0");                       // row 8 good: a quote inside an unquoted field is data
        Line("ring,C1CC,2");                               // row 9 SMILES ring never closed
        Line("\"unterminated,CCCC,1");                     // row 10 unterminated quote (runs to end of file)
        string url = server.Serve("broken.csv", csv.ToArray());

        string id = DatasetApi.UniqueId("broken");
        using var response = await Client.RegisterAsync(new { id, url, smilesColumn = "smiles", nameColumn = "name", valueColumn = "logS" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Ready", version.GetProperty("status").GetString());

        var stored = await Client.GetAllPagesAsync($"api/datasets/{id}/compounds");
        var quarantined = await Client.GetAllPagesAsync($"api/datasets/{id}/quarantine");
        Assert.Equal(version.GetProperty("totalRows").GetInt32(), stored.Count + quarantined.Count);
        Assert.Equal([1, 6, 7, 8], stored.Select(c => c.GetProperty("rowNumber").GetInt32()));
        Assert.Equal("quoted, name", stored[1].GetProperty("name").GetString());
        Assert.Equal("multi\nline", stored[2].GetProperty("name").GetString());

        var reasons = quarantined.ToDictionary(q => q.GetProperty("rowNumber").GetInt32(), q => q.GetProperty("reason").GetString()!);
        Assert.Equal(6, reasons.Count);
        Assert.Equal("expected 3 fields, found 4", reasons[2]);
        Assert.Equal("empty SMILES in column 'smiles'", reasons[3]);
        Assert.Equal("value 'soluble' in column 'logS' is not a number", reasons[4]);
        Assert.StartsWith("invalid UTF-8 at byte 3", reasons[5]);
        Assert.Equal("invalid SMILES at position 1: ring closure 1 is never closed", reasons[9]);
        Assert.Equal("unterminated quoted field", reasons[10]);
        Assert.Equal(5, quarantined.Single(q => q.GetProperty("rowNumber").GetInt32() == 4).GetProperty("line").GetInt32()); // header is line 1
    }

    [Fact]
    public async Task RefreshingAnUnchangedSourceRecordsNoChangeAndKeepsServingTheReadyVersion()
    {
        await using var server = await CsvFileServer.StartAsync();
        string url = server.Serve("refresh.csv", Encoding.UTF8.GetBytes("name,smiles,v\nethanol,CCO,1\nbenzene,c1ccccc1,2\n"));
        string id = DatasetApi.UniqueId("refresh");
        using var first = await Client.RegisterAsync(new { id, url, smilesColumn = "smiles", nameColumn = "name", valueColumn = "v" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("Ready", (await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log)).GetProperty("status").GetString());

        using var same = await Client.PostAsync($"api/datasets/{id}/refresh", null);
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
        var v2 = await Client.WaitForVersionAsync(id, 2, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Unchanged", v2.GetProperty("status").GetString());
        Assert.Equal(1, (await Client.GetJsonAsync($"api/datasets/{id}")).GetProperty("readyVersion").GetInt32());

        // New content: version 3 is ingested and replaces version 1, which served until then.
        server.Serve("refresh.csv", Encoding.UTF8.GetBytes("name,smiles,v\nethanol,CCO,1\nbenzene,c1ccccc1,2\nphenol,Oc1ccccc1,3\n"));
        using var changed = await Client.PostAsync($"api/datasets/{id}/refresh", null);
        var v3 = await Client.WaitForVersionAsync(id, 3, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Ready", v3.GetProperty("status").GetString());
        Assert.Equal(3, (await Client.GetJsonAsync($"api/datasets/{id}")).GetProperty("readyVersion").GetInt32());
        Assert.Equal(3, (await Client.GetAllPagesAsync($"api/datasets/{id}/compounds")).Count);
        Assert.Equal(2, (await Client.GetAllPagesAsync($"api/datasets/{id}/compounds?version=1")).Count);
    }

    [Fact]
    public async Task ARedirectToAnInternalAddressIsRefused()
    {
        await using var server = await CsvFileServer.StartAsync();
        string url = server.Redirect("moved.csv", "http://169.254.169.254/latest/meta-data/");
        string id = DatasetApi.UniqueId("redirect");
        using var response = await Client.RegisterAsync(new { id, url, smilesColumn = "smiles" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Failed", version.GetProperty("status").GetString());
        Assert.Contains("answered with a redirect (302)", version.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ASsrfUrlIsRefusedAtRegistrationWith400()
    {
        using var response = await Client.RegisterAsync(new { url = "https://10.0.0.7/internal.csv", smilesColumn = "smiles" });
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "private, link-local or loopback");
        using var file = await Client.RegisterAsync(new { url = "file:///etc/passwd", smilesColumn = "smiles" });
        await DatasetApi.AssertProblemAsync(file, HttpStatusCode.BadRequest, "only https URLs are accepted");
    }

    [Fact]
    public async Task UnknownDatasetIs404ProblemJson()
    {
        using var response = await Client.GetAsync("api/datasets/no-such-dataset");
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "no dataset with id 'no-such-dataset'");
        using var compounds = await Client.GetAsync("api/datasets/no-such-dataset/compounds");
        await DatasetApi.AssertProblemAsync(compounds, HttpStatusCode.NotFound, "no-such-dataset");
    }

    [Fact]
    public async Task MalformedJsonIs400ProblemJson()
    {
        using var response = await Client.PostAsync("api/datasets", new StringContent("{\"bundled\": \"esol\",", Encoding.UTF8, "application/json"));
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task UnknownBundledNameIs400NamingTheAllowedOnes()
    {
        using var response = await Client.RegisterAsync(new { bundled = "tox21" });
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "unknown bundled dataset 'tox21'; allowed: esol, freesolv, bbbp, aqsoldb");
    }

    [Fact]
    public async Task BadPagingParametersAre400()
    {
        using var response = await Client.GetAsync("api/datasets/whatever/compounds?take=5000");
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "'take' must be an integer from 1 to 1000");
    }

    [Fact]
    public async Task OversizedBodyIs413()
    {
        string big = "{\"name\":\"" + new string('x', 70_000) + "\"}";
        using var response = await Client.PostAsync("api/datasets", new StringContent(big, Encoding.UTF8, "application/json"));
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task RegisteringTheSameIdTwiceIs409AndKeepsTheFirst()
    {
        string id = DatasetApi.UniqueId("dup");
        using var first = await Client.RegisterAsync(new { id, bundled = "freesolv" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var second = await Client.RegisterAsync(new { id, bundled = "esol" });
        await DatasetApi.AssertProblemAsync(second, HttpStatusCode.Conflict, "already registered");
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal(642, version.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task MissingColumnFailsTheVersionWithTheHeaderInTheReason()
    {
        await using var server = await CsvFileServer.StartAsync();
        string url = server.Serve("nosmiles.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"));
        string id = DatasetApi.UniqueId("nosmiles");
        using var response = await Client.RegisterAsync(new { id, url, smilesColumn = "smiles" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Failed", version.GetProperty("status").GetString());
        Assert.Equal("column 'smiles' not found; the header has: 'a', 'b'", version.GetProperty("error").GetString());

        using var compounds = await Client.GetAsync($"api/datasets/{id}/compounds");
        await DatasetApi.AssertProblemAsync(compounds, HttpStatusCode.Conflict, "has no ready version");
    }
}
