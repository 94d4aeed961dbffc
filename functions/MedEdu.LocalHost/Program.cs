using MedEdu.LocalHost;

var app = await LocalHostApp.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can locate the assembly.</summary>
public partial class Program;
