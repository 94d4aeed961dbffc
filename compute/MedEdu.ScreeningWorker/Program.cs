using MedEdu.ScreeningWorker;

var app = ScreeningWorkerApp.Build(args);
app.Logger.LogInformation("MedEdu screening worker: POST /search, GET /healthz, GET /readyz");
await app.RunAsync();
