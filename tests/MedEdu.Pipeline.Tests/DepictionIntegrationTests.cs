using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>Structure drawings and the web page over HTTP: the real local host on Azurite.</summary>
[Trait("Category", "Integration")]
public sealed class DepictionIntegrationTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private HttpClient Client => fixture.Host.Anonymous;

    [Fact]
    public async Task AStoredCompoundIsDrawnOnceThenServedFromBlob()
    {
        string id = DatasetApi.UniqueId("esol");
        using (var registered = await fixture.Host.Client.RegisterAsync(new { id, bundled = "esol" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        DatasetApi.AssertReady(await fixture.Host.Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(90), () => fixture.Host.Log));

        // Row 2 of ESOL is Fenfuram, Cc1occc1C(=O)Nc2ccccc2: 15 atoms, two of them O and one N.
        string url = $"api/compounds/{id}-000002/depiction.svg?version=1";
        using var first = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/svg+xml", first.Content.Headers.ContentType?.MediaType);
        // (The first answer may already be a hit: drawings are keyed by structure, and Azurite keeps earlier runs' blobs.)
        var svg = XDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("Fenfuram", svg.Root!.Element(Svg + "title")!.Value);
        var labels = svg.Descendants(Svg + "text").Select(t => (string?)t.Attribute("data-element")).ToList();
        Assert.Equal(["N", "O", "O"], labels.Order().ToList());

        // Drawn at most once: the second request reads the blob, and a conditional request is answered 304.
        using var second = await Client.GetAsync(url);
        Assert.Equal("hit", second.Headers.GetValues("X-MedEdu-Cache").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(StorageLayout.DepictionContainer);
        string etag = first.Headers.ETag!.Tag.Trim('"');
        Assert.True(await container.GetBlobClient(etag + ".svg").ExistsAsync(), "the drawing is cached in Blob under its hash");

        // A fixed image size fits the drawing inside it.
        var sized = XDocument.Parse(await Client.GetStringAsync($"api/compounds/{id}-000001/depiction.svg?width=220&height=165"));
        Assert.Equal("220", (string?)sized.Root!.Attribute("width"));
        Assert.Equal("165", (string?)sized.Root!.Attribute("height"));
        // The 304 was answered without an error behind it (it used to try to write an empty body).
        Assert.DoesNotContain("Writing to the response body is invalid", fixture.Host.Log);
    }

    [Theory]
    [InlineData("api/compounds/not-an-id/depiction.svg", HttpStatusCode.BadRequest, "is not a compound id")]
    [InlineData("api/compounds/nosuchdataset-000001/depiction.svg", HttpStatusCode.NotFound, "no dataset with id 'nosuchdataset'")]
    [InlineData("api/compounds/x-000001/depiction.svg?version=zero", HttpStatusCode.BadRequest, "'version' must be an integer from 1 to 2147483647, not 'zero'")]
    [InlineData("api/compounds/x-000001/depiction.svg?width=10", HttpStatusCode.BadRequest, "'width' must be an integer from 50 to 2000, not '10'")]
    [InlineData("api/compounds/x-000001/depiction.svg?aromatic=dots", HttpStatusCode.BadRequest, "'aromatic' must be kekule or circles")]
    [InlineData("api/depiction.svg?smiles=C1CC(", HttpStatusCode.BadRequest, "invalid SMILES at position")]
    [InlineData("api/depiction.svg", HttpStatusCode.BadRequest, "give the structure as ?smiles=")]
    [InlineData("api/depiction.svg?smiles=CCO&highlight=charge", HttpStatusCode.BadRequest, "'highlight' must be one of similarity, logp, tpsa, alerts, pains, not 'charge'")]
    [InlineData("api/depiction.svg?smiles=CCO&highlight=similarity", HttpStatusCode.BadRequest, "highlight=similarity needs query=SMILES")]
    [InlineData("api/depiction.svg?smiles=CCO&highlight=logp&query=CC", HttpStatusCode.BadRequest, "'query' is for highlight=similarity")]
    [InlineData("api/depiction.svg?smiles=CCO&highlight=similarity&query=C1CC(", HttpStatusCode.BadRequest, "the query SMILES is invalid at position")]
    public async Task BadRequestsGetAProblemThatNamesTheMistake(string url, HttpStatusCode status, string detail)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains(detail, body.Replace("\\u0027", "'"));
    }

    [Theory]
    [InlineData("logp", "", "raises logP (lipophilic)")]
    [InlineData("tpsa", "", "polar surface; size = share of TPSA 63.6 Å²")]
    [InlineData("alerts", "", "Brenk: phenol_ester")]
    [InlineData("similarity", "Oc1ccccc1C(=O)O", "environment shared with the query")]
    public async Task A_highlighted_drawing_is_cached_apart_from_the_plain_one(string highlight, string query, string legend)
    {
        string aspirin = Uri.EscapeDataString("CC(=O)Oc1ccccc1C(=O)O");
        string url = $"api/depiction.svg?smiles={aspirin}&highlight={highlight}" + (query.Length > 0 ? $"&query={Uri.EscapeDataString(query)}" : "");
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(svg.Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "highlight");
        Assert.Equal(legend, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").First().Value);
        using var plain = await Client.GetAsync($"api/depiction.svg?smiles={aspirin}");
        Assert.NotEqual(response.Headers.ETag, plain.Headers.ETag);
        Assert.DoesNotContain("class=\"highlight\"", await plain.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("es", "tpsa", "superficie polar; tamaño = contribución a la TPSA 63,6 Å²")]
    [InlineData("ar", "similarity", "بيئة مشتركة مع مركب الاستعلام")]
    [InlineData("es", "alerts", "Brenk: phenol_ester")]
    public async Task A_legend_is_drawn_in_the_language_asked_for_and_cached_apart(string lang, string highlight, string legend)
    {
        string aspirin = Uri.EscapeDataString("CC(=O)Oc1ccccc1C(=O)O");
        string url = $"api/depiction.svg?smiles={aspirin}&highlight={highlight}" + (highlight == "similarity" ? $"&query={Uri.EscapeDataString("Oc1ccccc1C(=O)O")}" : "");
        using var english = await Client.GetAsync(url);
        using var response = await Client.GetAsync($"{url}&lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(legend, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").First().Value);
        Assert.NotEqual(english.Headers.ETag, response.Headers.ETag);

        using var refused = await Client.GetAsync($"{url}&lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("'lang' must be one of en, es, ar, not 'fr'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnySmilesIsDrawnWithAromaticCirclesOnRequest()
    {
        using var response = await Client.GetAsync($"api/depiction.svg?smiles={Uri.EscapeDataString("c1ccc2ccccc2c1")}&aromatic=circles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, svg.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public async Task TheWebPageIsServedWithItsScriptsAndAStrictContentSecurityPolicy()
    {
        var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
        using var bare = await noRedirect.GetAsync("api/app");
        Assert.Equal(HttpStatusCode.PermanentRedirect, bare.StatusCode);
        Assert.Equal("/api/app/", bare.Headers.Location?.OriginalString);
        using var root = await noRedirect.GetAsync("/");
        Assert.Equal("/api/app/", root.Headers.Location?.OriginalString);

        using var index = await Client.GetAsync("api/app/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        string html = await index.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single());

        foreach (string file in new[] { "app.js", "api.js", "dom.js", "exercise.js", "student.js", "instructor.js", "progress.js", "session.js" })
        {
            using var script = await Client.GetAsync($"api/app/{file}");
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }

        using var style = await Client.GetAsync("api/app/style.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        using var missing = await Client.GetAsync("api/app/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "api/app/app.js");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse((await Client.GetAsync("api/app/app.js")).Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);
    }
}
