using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>Dataset URLs that would make the pipeline fetch from inside the network are refused with a reason.</summary>
public sealed class SourceUrlPolicyTests
{
    private static readonly SourceUrlPolicy Production = new PipelineOptions().UrlPolicy;

    [Theory]
    [InlineData("https://127.0.0.1/data.csv", "private, link-local or loopback")]
    [InlineData("https://localhost/data.csv", "private, link-local or loopback")]
    [InlineData("https://10.1.2.3/data.csv", "private, link-local or loopback")]
    [InlineData("https://172.20.0.5/data.csv", "private, link-local or loopback")]
    [InlineData("https://192.168.0.10/data.csv", "private, link-local or loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "private, link-local or loopback")]
    [InlineData("https://[::1]/data.csv", "private, link-local or loopback")]
    [InlineData("https://0.0.0.0/data.csv", "private, link-local or loopback")]
    [InlineData("file:///etc/passwd", "only https URLs are accepted, not 'file'")]
    [InlineData("http://raw.githubusercontent.com/x.csv", "only https URLs are accepted, not 'http'")]
    [InlineData("ftp://raw.githubusercontent.com/x.csv", "only https URLs are accepted, not 'ftp'")]
    [InlineData("https://evil.example.com/data.csv", "not on the allowlist of dataset hosts")]
    [InlineData("not a url", "is not an absolute URL")]
    public void DangerousOrUnlistedUrlsAreRefused(string url, string reason)
    {
        Assert.False(Production.TryValidate(url, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void AllowlistedHttpsUrlsAreAccepted()
    {
        Assert.True(Production.TryValidate("https://raw.githubusercontent.com/deepchem/data/esol.csv", out var uri, out var error), error);
        Assert.Equal("raw.githubusercontent.com", uri!.Host);
    }

    [Fact]
    public void LoopbackIsOnlyForTests()
    {
        var tests = new SourceUrlPolicy(AllowLoopback: true);
        Assert.True(tests.TryValidate("http://127.0.0.1:5000/x.csv", out _, out _));
        Assert.False(tests.TryValidate("http://10.0.0.1/x.csv", out _, out _));
    }

    [Fact]
    public void RegistrationRefusesAnSsrfUrlWithTheReason()
    {
        var result = DatasetRegistrationValidator.Validate(
            new DatasetRegistration { Url = "https://169.254.169.254/latest", SmilesColumn = "smiles" }, Production, out var error);
        Assert.Null(result);
        Assert.Contains("169.254.169.254", error);
    }
}
