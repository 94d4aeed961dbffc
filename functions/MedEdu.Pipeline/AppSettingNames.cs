namespace MedEdu.Pipeline;

/// <summary>
/// The one list of application settings MedEdu reads in Azure — exactly those infra/main.bicep
/// sets on the Function App (a test compares this list with the compiled template).
/// Double underscores are the environment-variable form of configuration sections.
/// </summary>
public static class AppSettingNames
{
    /// <summary>Storage account name for identity-based access (Blob, Queue, Table).</summary>
    public const string StorageAccountName = "AzureWebJobsStorage__accountName";

    /// <summary>Credential kind for identity-based storage ("managedidentity").</summary>
    public const string StorageCredential = "AzureWebJobsStorage__credential";

    /// <summary>Application Insights connection string.</summary>
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Test-only loopback dataset sources; always false in Azure.</summary>
    public const string AllowLoopbackSources = "MedEdu__AllowLoopbackSources";

    /// <summary>Screening engine choice (auto|cuda|opencl|cpu|simd).</summary>
    public const string ScreeningAccelerator = "Screening__Accelerator";

    /// <summary>Base URL of the screening worker (empty without one).</summary>
    public const string ScreeningWorkerUrl = "Screening__WorkerUrl";

    /// <summary>Entra ID application id URI of the screening worker: the audience of the app's tokens.</summary>
    public const string ScreeningWorkerAudience = "Screening__WorkerAudience";

    /// <summary>"true" where App Service Authentication (Entra ID) fronts the app, so the principal header is read.</summary>
    public const string AppServiceAuthentication = "MedEdu__AppServiceAuthentication";

    /// <summary>The app role that grants the instructor routes.</summary>
    public const string InstructorRole = "MedEdu__InstructorRole";

    /// <summary>The administrator's break-glass key (empty: off).</summary>
    public const string InstructorKey = "MedEdu__InstructorKey";

    /// <summary>The header whose last entry is the caller's address, for the rate limits (X-Forwarded-For behind the platform's front ends).</summary>
    public const string ClientAddressHeader = "MedEdu__Limits__ClientAddressHeader";

    /// <summary>Every setting the app reads in Azure.</summary>
    public static IReadOnlyList<string> All { get; } =
        [StorageAccountName, StorageCredential, ApplicationInsights, AllowLoopbackSources, ScreeningAccelerator, ScreeningWorkerUrl, ScreeningWorkerAudience,
            AppServiceAuthentication, InstructorRole, InstructorKey, ClientAddressHeader];
}
