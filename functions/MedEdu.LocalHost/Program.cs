using MedEdu.LocalHost;
using MedEdu.LocalHost.OpenApi;

// The build runs `--write-openapi <path>`: the document from the routes' metadata, without a server or storage.
if (args is ["--write-openapi", var path])
{
    bool changed = await ApiDocumentation.WriteAsync(path);
    Console.WriteLine(changed ? $"OpenAPI document written to {path}" : $"OpenAPI document unchanged ({path})");
    return;
}

var app = await LocalHostApp.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can locate the assembly.</summary>
public partial class Program;
