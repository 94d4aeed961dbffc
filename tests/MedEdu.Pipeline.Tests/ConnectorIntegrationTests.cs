using System.Net;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// PubChem and ChEMBL connectors end to end: a real HTTP server on 127.0.0.1 answers with
/// payloads in the services' JSON formats (tests/fixtures), the real local host ingests them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectorIntegrationTests(ConnectorIntegrationTests.ServicesFixture fixture) : IClassFixture<ConnectorIntegrationTests.ServicesFixture>
{
    private const string PubChemCids = "/rest/pug/compound/cid/1983,2244,2519,3672/property";

    /// <summary>The stand-in web services, and a host whose PubChem and ChEMBL roots point at them.</summary>
    public sealed class ServicesFixture : IAsyncLifetime
    {
        public CsvFileServer Services { get; private set; } = null!;

        public LocalHostProcess Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Services = await CsvFileServer.StartAsync();
            Services.Answer($"{PubChemCids}/Title,SMILES,XLogP/JSON", Fixture("pubchem/cids-xlogp.json"));
            Services.Answer($"{PubChemCids}/Title,SMILES/JSON", Fixture("pubchem/cids-titles.json"));
            Services.Answer("/rest/pug/assay/aid/1000/cids/JSON?cids_type=active", Fixture("pubchem/aid-active.json"));
            Services.Answer("/rest/pug/assay/aid/1000/cids/JSON?cids_type=inactive", Fixture("pubchem/aid-inactive.json"));
            Services.Answer("/chembl/api/data/activity.json?target_chembl_id=CHEMBL203&standard_type=IC50&limit=1000&offset=0", Fixture("chembl/egfr-ic50-page1.json"));
            Services.Answer("/chembl/api/data/activity.json?limit=1000&offset=1000&standard_type=IC50&target_chembl_id=CHEMBL203", Fixture("chembl/egfr-ic50-page2.json"));
            Host = await LocalHostProcess.StartAsync(null,
                $"--MedEdu:PubChemBaseUrl={Services.BaseUrl}rest/pug",
                $"--MedEdu:ChemblBaseUrl={Services.BaseUrl}chembl/api/data");
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Services.DisposeAsync();
        }

        private static byte[] Fixture(string path) => File.ReadAllBytes(RepoPaths.Fixture(path));
    }

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task PubChemCompoundsByCidTakeTheirXLogPAsTheValue()
    {
        string id = DatasetApi.UniqueId("pubchem");
        using var response = await Client.RegisterAsync(new { id, pubchem = new { cids = new[] { 3672, 2244, 2519, 1983, 2244 }, property = "xlogp" } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        DatasetApi.AssertReady(version);

        var compounds = await Client.GetAllPagesAsync($"api/datasets/{id}/compounds");
        // XLogP3 as PubChem shows it; rows ordered by CID.
        Assert.Equal(
            [("Acetaminophen", 0.5), ("Aspirin", 1.2), ("Caffeine", -0.1), ("Ibuprofen", 3.5)],
            compounds.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("value").GetDouble())).ToList());
        Assert.Equal("CC(=O)Oc1ccccc1C(=O)O", compounds[1].GetProperty("canonicalSmiles").GetString());
        Assert.Equal("C9H8O4", compounds[1].GetProperty("properties").GetProperty("formula").GetString());
        Assert.Contains($"{PubChemCids}/Title,SMILES,XLogP/JSON", fixture.Services.Requests);
    }

    [Fact]
    public async Task APubChemAssayLabelsActivesOneAndInactivesZero()
    {
        string id = DatasetApi.UniqueId("aid");
        using var response = await Client.RegisterAsync(new { id, pubchem = new { aid = 1000 } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        DatasetApi.AssertReady(version);

        var labels = (await Client.GetAllPagesAsync($"api/datasets/{id}/compounds"))
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("value").GetDouble());
        // Aspirin is in both outcome lists: active wins.
        Assert.Equal(new Dictionary<string, double> { ["Acetaminophen"] = 0, ["Aspirin"] = 1, ["Caffeine"] = 0, ["Ibuprofen"] = 1 }, labels);
    }

    [Fact]
    public async Task ChemblActivitiesArePagedConvertedToPIc50AndAveragedPerMolecule()
    {
        string id = DatasetApi.UniqueId("chembl");
        using var response = await Client.RegisterAsync(new { id, chembl = new { target = "chembl203", activityType = "IC50" } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        DatasetApi.AssertReady(version);

        var values = (await Client.GetAllPagesAsync($"api/datasets/{id}/compounds"))
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("value").GetDouble());
        // pIC50 = 9 - log10(IC50 / nM): gefitinib mean of 30 nM (7.523) and 3 nM (8.523); erlotinib 2 nM; lapatinib 10 nM.
        // Skipped: erlotinib's '>' value, lapatinib's ug/mL value, the record without a structure.
        Assert.Equal(3, values.Count);
        Assert.Equal(8.023, values["GEFITINIB"], 3);
        Assert.Equal(8.699, values["ERLOTINIB"], 3);
        Assert.Equal(8.0, values["LAPATINIB"], 3);
        Assert.Contains("/chembl/api/data/activity.json?limit=1000&offset=1000&standard_type=IC50&target_chembl_id=CHEMBL203", fixture.Services.Requests);
    }

    [Fact]
    public async Task AServiceThatAnswers404FailsTheVersionWithTheReason()
    {
        string id = DatasetApi.UniqueId("pubchem404");
        using var response = await Client.RegisterAsync(new { id, pubchem = new { cids = new[] { 999999999 }, property = "TPSA" } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log);
        Assert.Equal("Failed", version.GetProperty("status").GetString());
        Assert.Contains("answered 404", version.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"pubchem": {"cids": [2244], "aid": 1000}}""", "exactly one of 'cids'")]
    [InlineData("""{"pubchem": {"cids": [2244], "property": "Melting point"}}""", "unknown PubChem property 'Melting point'")]
    [InlineData("""{"pubchem": {"cids": [-5]}}""", "positive compound ids")]
    [InlineData("""{"chembl": {"target": "EGFR"}}""", "must be a ChEMBL target id")]
    [InlineData("""{"chembl": {"target": "CHEMBL203", "activityType": "GI50"}}""", "unknown activity type 'GI50'")]
    [InlineData("""{"bundled": "esol", "chembl": {"target": "CHEMBL203"}}""", "give exactly one source")]
    public async Task BadConnectorRegistrationsAre400(string body, string reason)
    {
        using var response = await Client.PostAsync("api/datasets", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await DatasetApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }
}
