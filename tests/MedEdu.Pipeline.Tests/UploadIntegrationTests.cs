using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MedEdu.Cli;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Testing;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// Uploads by the valet-key pattern against the real local host and Azurite: a CSV sent in blocks
/// and a SMILES file are ingested; every misuse of an upload is refused with a clear 4xx and leaves
/// nothing registered.
/// </summary>
[LongRunning(35)]
[Trait("Category", "Integration")]
public sealed class UploadIntegrationTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task A_csv_sent_in_blocks_is_ingested_row_for_row_and_its_id_is_single_use()
    {
        string file = RepoPaths.Dataset("freesolv-sampl.csv");
        var ticket = await CreateAsync(Client, "freesolv-sampl.csv");
        Assert.Equal(2L << 30, ticket.GetProperty("maxBytes").GetInt64());
        await using (var content = File.OpenRead(file))
        {
            // Small blocks, so the file really goes in several.
            await BlockUploader.UploadAsync(new HttpClient(), Url(ticket), content, blockBytes: 16 * 1024);
        }

        string id = "up" + Guid.NewGuid().ToString("N")[..8];
        string upload = ticket.GetProperty("id").GetString()!;
        using (var registered = await Client.RegisterAsync(new { id, upload, smilesColumn = "smiles", nameColumn = "iupac", valueColumn = "expt" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(120), () => fixture.Host.Log);
        Assert.Equal("Ready", version.GetProperty("status").GetString());
        int rows = File.ReadAllLines(file).Skip(1).Count(l => l.Trim().Length > 0);
        Assert.Equal(rows, version.GetProperty("totalRows").GetInt32());
        Assert.Equal(rows, version.GetProperty("stored").GetInt32() + version.GetProperty("quarantined").GetInt32());
        var page = await Client.GetJsonAsync($"api/datasets/{id}/compounds?take=1");
        // The file's first row, whose quoted name holds commas: the blocks joined where they were cut.
        Assert.Equal("4-methoxy-N,N-dimethyl-benzamide", page.GetProperty("items")[0].GetProperty("name").GetString());

        using var again = await Client.RegisterAsync(new { id = id + "b", upload });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, $"registered as dataset '{id}'");
    }

    [Fact]
    public async Task Mededu_upload_sends_a_file_and_registers_it()
    {
        string id = "cli" + Guid.NewGuid().ToString("N")[..8];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await Task.Run(() => MededuCli.Run(
            ["upload", "--api", fixture.Host.Client.BaseAddress!.ToString(), "--key", LocalHostProcess.InstructorKey, "--file", RepoPaths.Dataset("esol-delaney.csv"),
             "--id", id, "--name-column", "Compound ID", "--value-column", "measured log solubility in mols per litre"],
            stdout, stderr));
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains($"registered dataset '{id}'", stdout.ToString());
        Assert.Contains("(100%)", stderr.ToString());
        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(120), () => fixture.Host.Log);
        Assert.Equal(1128, version.GetProperty("stored").GetInt32());

        var refused = new StringWriter();
        Assert.Equal(1, MededuCli.Run(["upload", "--api", fixture.Host.Client.BaseAddress!.ToString(), "--file", RepoPaths.Dataset("esol-delaney.csv")], new StringWriter(), refused));
        Assert.Contains("answered 401", refused.ToString());
    }

    [Fact]
    public async Task A_smiles_file_is_recognised_and_ingested_with_its_names()
    {
        var ticket = await CreateAsync(Client, "four.smi");
        await PutAsync(ticket, "CCO ethanol\nc1ccccc1O phenol\r\n\nCC(=O)Oc1ccccc1C(=O)O aspirin\nC1CC broken ring\n");
        string id = "smi" + Guid.NewGuid().ToString("N")[..8];
        using (var registered = await Client.RegisterAsync(new { id, upload = ticket.GetProperty("id").GetString() }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(90), () => fixture.Host.Log);
        Assert.Equal(4, version.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, version.GetProperty("stored").GetInt32());
        Assert.Equal(1, version.GetProperty("quarantined").GetInt32());
        var names = (await Client.GetJsonAsync($"api/datasets/{id}/compounds?take=10")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["ethanol", "phenol", "aspirin"], names);
    }

    [Fact]
    public async Task Misused_uploads_are_refused_with_a_clear_4xx_and_nothing_is_registered()
    {
        // The URL writes one blob and reads nothing; an altered signature writes nothing.
        var ticket = await CreateAsync(Client, null);
        using (var read = await new HttpClient().GetAsync(Url(ticket)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }

        string url = Url(ticket).ToString();
        int sig = url.IndexOf("sig=", StringComparison.Ordinal) + 4;
        var forged = new Uri(url[..sig] + (url[sig] == 'A' ? 'B' : 'A') + url[(sig + 1)..]);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BlockUploader.UploadAsync(new HttpClient(), forged, new MemoryStream("smiles\nCCO\n"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Blocks staged but never committed: nothing was uploaded.
        using (var staged = new HttpRequestMessage(HttpMethod.Put, new Uri(url + "&comp=block&blockid=" + Uri.EscapeDataString(Convert.ToBase64String("block-000000"u8.ToArray())))) { Content = new ByteArrayContent("smiles\nCCO\n"u8.ToArray()) })
        {
            using var response = await new HttpClient().SendAsync(staged);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await AssertRefusedAsync(Client, ticket, HttpStatusCode.BadRequest, "no file was uploaded");

        var binary = await CreateAsync(Client, "data.xlsx");
        await PutAsync(binary, "PK\u0003\u0004\0\0\u0014\0binary spreadsheet");
        await AssertRefusedAsync(Client, binary, HttpStatusCode.UnsupportedMediaType, "binary");

        var prose = await CreateAsync(Client, "notes.txt");
        await PutAsync(prose, "Dear students, please bring your lab coats.\nThanks\n");
        await AssertRefusedAsync(Client, prose, HttpStatusCode.UnsupportedMediaType, "neither a CSV header");

        var wrongColumn = await CreateAsync(Client, "x.csv");
        await PutAsync(wrongColumn, "structure,name\nCCO,ethanol\n");
        await AssertRefusedAsync(Client, wrongColumn, HttpStatusCode.UnsupportedMediaType, "no column 'smiles'");

        using (var unknown = await Client.RegisterAsync(new { id = "never", upload = "0123456789abcdef01234567" }))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "no upload");
        }

        using (var malformed = await Client.RegisterAsync(new { id = "never", upload = "../../raw-datasets/x" }))
        {
            await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "24 hex digits");
        }

        using (var anonymous = await fixture.Host.Anonymous.PostAsync("api/uploads", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
    }

    [Fact]
    public async Task An_expired_or_oversized_upload_is_refused()
    {
        await using var host = await LocalHostProcess.StartAsync(null, "--MedEdu:UploadLifetime=00:00:08", "--MedEdu:MaxUploadBytes=100");
        var small = await CreateAsync(host.Client, "small.csv");
        Assert.Equal(100, small.GetProperty("maxBytes").GetInt64());
        await PutAsync(small, "smiles,name\n" + string.Concat(Enumerable.Repeat("CCO,ethanol\n", 20)));
        await AssertRefusedAsync(host.Client, small, HttpStatusCode.RequestEntityTooLarge, "the limit is 100");

        var late = await CreateAsync(host.Client, "late.csv");
        await Task.Delay(TimeSpan.FromSeconds(9));
        var expired = await Assert.ThrowsAsync<HttpRequestException>(() => BlockUploader.UploadAsync(new HttpClient(), Url(late), new MemoryStream("smiles\nCCO\n"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        await AssertRefusedAsync(host.Client, late, HttpStatusCode.Gone, "expired");
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string? fileName)
    {
        using var response = await client.PostAsJsonAsync("api/uploads", new { fileName });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Uri Url(JsonElement ticket) => new(ticket.GetProperty("uploadUrl").GetString()!);

    private static async Task PutAsync(JsonElement ticket, string content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Url(ticket)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(content)) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await new HttpClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient client, JsonElement ticket, HttpStatusCode status, string detail)
    {
        string id = "r" + Guid.NewGuid().ToString("N")[..8];
        using var response = await client.RegisterAsync(new { id, upload = ticket.GetProperty("id").GetString() });
        await AssertProblemAsync(response, status, detail);
        using var nothing = await client.GetAsync($"api/datasets/{id}");
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
