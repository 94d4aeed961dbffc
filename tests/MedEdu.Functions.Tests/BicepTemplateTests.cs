using System.Text.Json;
using MedEdu.Pipeline;

namespace MedEdu.Functions.Tests;

/// <summary>
/// Checks the ARM template compiled from infra/main.bicep (by infra/bicep.sh, which the test command
/// runs first): resources, identity, role assignments, transport security, and that the app settings
/// Bicep sets are exactly the ones the app reads.
/// </summary>
public sealed class BicepTemplateTests
{
    private static readonly Lazy<JsonElement> Template = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "infra", "main.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
            }
        }

        throw new FileNotFoundException("infra/main.json is missing: run 'bash infra/bicep.sh' (scripts/test.sh does)");
    });

    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // languageVersion 2.0 templates keep resources in an object; older ones in an array.
        var items = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
        foreach (var r in items)
        {
            yield return r;
            if (r.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                foreach (var nested in Resources(r.GetProperty("properties").GetProperty("template")))
                {
                    yield return nested;
                }
            }
        }
    }

    private static List<JsonElement> OfType(string type) =>
        Resources(Template.Value).Where(r => r.GetProperty("type").GetString() == type).ToList();

    [Fact]
    public void StorageIsIdentityOnlyHttpsOnlyTls12AndPrivate()
    {
        var storage = Assert.Single(OfType("Microsoft.Storage/storageAccounts"), s => s.TryGetProperty("properties", out _));
        var p = storage.GetProperty("properties");
        Assert.False(p.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(p.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(p.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", p.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void TheFunctionAppRunsOnFlexConsumptionWithASystemIdentityAndHttpsOnly()
    {
        var plan = Assert.Single(OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        var site = Assert.Single(OfType("Microsoft.Web/sites"));
        Assert.Equal("SystemAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        var p = site.GetProperty("properties");
        Assert.True(p.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", p.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
        var runtime = p.GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.Equal("SystemAssignedIdentity", p.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void TheAppSettingsAreExactlyTheOnesTheAppReadsAndHoldNoConnectionString()
    {
        var site = Assert.Single(OfType("Microsoft.Web/sites"));
        var names = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()!).Order().ToList();
        Assert.Equal(AppSettingNames.All.Order(), names);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.DoesNotContain(site.GetRawText(), "AccountKey");
    }

    [Fact]
    public void TheIdentityGetsBlobOwnerQueueAndTableContributorOnStorage()
    {
        string text = Template.Value.GetRawText();
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", text); // Storage Blob Data Owner
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0a2b8", text); // Storage Queue Data Contributor
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", text); // Storage Table Data Contributor
        Assert.NotEmpty(OfType("Microsoft.Authorization/roleAssignments"));
    }

    [Fact]
    public void MonitoringAndTheOptionalGpuWorkerAreDeclared()
    {
        Assert.Single(OfType("Microsoft.OperationalInsights/workspaces"));
        Assert.Contains(OfType("Microsoft.Insights/components"), c => c.GetProperty("properties").TryGetProperty("WorkspaceResourceId", out _));
        Assert.NotEmpty(OfType("Microsoft.App/containerApps"));
        var enable = Template.Value.GetProperty("parameters").GetProperty("enableGpuWorker");
        Assert.False(enable.GetProperty("defaultValue").GetBoolean());
        Assert.Contains("functionAppUrl", Template.Value.GetProperty("outputs").EnumerateObject().Select(o => o.Name));
    }

    [Fact]
    public void TheGpuWorkerRunsOnAServerlessGpuProfileScalingToZero()
    {
        var environment = Assert.Single(OfType("Microsoft.App/managedEnvironments"));
        var profiles = environment.GetProperty("properties").GetProperty("workloadProfiles").EnumerateArray().ToList();
        Assert.Contains(profiles, p => p.GetProperty("name").GetString() == "gpu");
        var allowed = Template.Value.GetProperty("parameters").GetProperty("gpuWorkloadProfile").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["Consumption-GPU-NC8as-T4", "Consumption-GPU-NC24-A100"], allowed);

        var worker = Assert.Single(OfType("Microsoft.App/containerApps"));
        var p = worker.GetProperty("properties");
        Assert.Equal("gpu", p.GetProperty("workloadProfileName").GetString());
        Assert.Equal(0, p.GetProperty("template").GetProperty("scale").GetProperty("minReplicas").GetInt32());
        Assert.Equal(8080, p.GetProperty("configuration").GetProperty("ingress").GetProperty("targetPort").GetInt32());
        Assert.False(p.GetProperty("configuration").GetProperty("ingress").GetProperty("allowInsecure").GetBoolean());
        Assert.Equal("UserAssigned", worker.GetProperty("identity").GetProperty("type").GetString());
        var container = Assert.Single(p.GetProperty("template").GetProperty("containers").EnumerateArray());
        var env = container.GetProperty("env").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("Worker__Storage__AccountName", env);
        Assert.Contains("Worker__Entra__ClientId", env);
        Assert.Contains("Worker__Entra__AllowedCallers__0", env);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", env);
        Assert.DoesNotContain("Worker__ApiKey", env);
        var probes = container.GetProperty("probes").EnumerateArray().Select(x => x.GetProperty("httpGet").GetProperty("path").GetString()).ToList();
        Assert.Equal(["/healthz", "/readyz"], probes);

        // No placeholder image: the researcher names the one they built.
        Assert.Equal("", Template.Value.GetProperty("parameters").GetProperty("gpuWorkerImage").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void OnlyTheFunctionAppsIdentityWithAWorkerTokenGetsThroughTheWorkersIngress()
    {
        var auth = Assert.Single(OfType("Microsoft.App/containerApps/authConfigs")).GetProperty("properties");
        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.Equal("Return401", auth.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        var aad = auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.True(aad.GetProperty("enabled").GetBoolean());
        string validation = aad.GetProperty("validation").GetRawText();
        Assert.Contains("allowedAudiences", validation);
        Assert.Contains("callerPrincipalId", validation);
        Assert.Contains("callerPrincipalId", Assert.Single(OfType("Microsoft.App/containerApps")).GetRawText());
    }

    [Fact]
    public void TheStorageLayoutNamesValidUniqueTablesAndContainers()
    {
        // Azure's rules: tables 3-63 letters and digits starting with a letter; containers 3-63 lower-case letters, digits and single hyphens.
        Assert.All(MedEdu.Pipeline.Storage.StorageLayout.Tables, t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t));
        Assert.All(MedEdu.Pipeline.Storage.StorageLayout.Containers, c => Assert.Matches("^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$", c));
        Assert.Equal(MedEdu.Pipeline.Storage.StorageLayout.Tables.Count, MedEdu.Pipeline.Storage.StorageLayout.Tables.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(MedEdu.Pipeline.Storage.StorageLayout.Containers.Count, MedEdu.Pipeline.Storage.StorageLayout.Containers.Distinct().Count());
    }

    [Fact]
    public void TheWorkerReadsOnlyTheStoresContainerAndTheAppIsPointedAtIt()
    {
        var reader = Assert.Single(OfType("Microsoft.Authorization/roleAssignments"), r => r.GetRawText().Contains("blobDataReader"));
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", reader.GetProperty("scope").GetString());
        Assert.Contains("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", Template.Value.GetRawText()); // Storage Blob Data Reader
        Assert.Contains(OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => c.GetRawText().Contains($"'{MedEdu.Pipeline.Storage.StorageLayout.StoreContainer}'", StringComparison.Ordinal) || c.GetRawText().Contains($"\"{MedEdu.Pipeline.Storage.StorageLayout.StoreContainer}\"", StringComparison.Ordinal));

        var settings = Assert.Single(OfType("Microsoft.Web/sites")).GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);
        Assert.Contains("screeningWorkerUrl", settings[AppSettingNames.ScreeningWorkerUrl]);
        Assert.Contains("screeningWorkerAudience", settings[AppSettingNames.ScreeningWorkerAudience]);
        string main = Resources(Template.Value).Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "functionApp").GetRawText();
        Assert.Contains("defaultDomain", main);
        Assert.Contains("api://", main);
    }

    [Fact]
    public void BrowsersOnTheAppsOriginMayPutUploadsToBlobStorage()
    {
        var cors = OfType("Microsoft.Storage/storageAccounts/blobServices")
            .Select(b => b.TryGetProperty("properties", out var p) && p.TryGetProperty("cors", out var c) ? c : (JsonElement?)null)
            .Single(c => c is not null)!.Value;
        var rule = Assert.Single(cors.GetProperty("corsRules").EnumerateArray());
        Assert.Equal(["PUT", "OPTIONS"], rule.GetProperty("allowedMethods").EnumerateArray().Select(m => m.GetString()));
        string origin = Assert.Single(rule.GetProperty("allowedOrigins").EnumerateArray()).GetString()!;
        Assert.Contains("appHostName", origin);
        Assert.DoesNotContain("*", origin);
    }

    [Fact]
    public void InstructorsSignInWithEntraIdAndTheInstructorRoleWhileStudentsStayAnonymous()
    {
        var auth = Assert.Single(OfType("Microsoft.Web/sites/config"), c => c.GetProperty("name").GetString()!.Contains("authsettingsV2"));
        Assert.Contains("instructorAppClientId", auth.GetProperty("condition").GetString()); // only when a registration is given
        var p = auth.GetProperty("properties");
        Assert.True(p.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.Equal("AllowAnonymous", p.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        var aad = p.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.True(aad.GetProperty("enabled").GetBoolean());
        Assert.Contains("instructorAppClientId", aad.GetProperty("registration").GetProperty("clientId").GetString());
        Assert.Contains("/v2.0", aad.GetProperty("registration").GetProperty("openIdIssuer").GetString());

        // The app reads the principal only where this authentication is on, grants the Instructor role,
        // and keeps the break-glass key off unless one is given (a secure parameter, empty by default).
        var settings = Assert.Single(OfType("Microsoft.Web/sites")).GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings")
            .EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Contains("instructorAppClientId", settings[AppSettingNames.AppServiceAuthentication]);
        Assert.Equal("Instructor", settings[AppSettingNames.InstructorRole]);
        Assert.Contains("instructorBreakGlassKey", settings[AppSettingNames.InstructorKey]);
        var key = Template.Value.GetProperty("parameters").GetProperty("instructorBreakGlassKey");
        Assert.Equal("securestring", key.GetProperty("type").GetString());
        Assert.Equal("", key.GetProperty("defaultValue").GetString());
    }
}
