namespace MedEdu.ScreeningWorker;

/// <summary>Settings of the screening worker, bound from the <c>Worker</c> configuration section.</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Worker";

    /// <summary>Most queries one <c>POST /search</c> may carry; more is answered 413.</summary>
    public int MaxQueries { get; set; } = 1000;

    /// <summary>Largest request body in bytes (1,000 SMILES or fingerprints fit in far less); more is answered 413.</summary>
    public long MaxRequestBytes { get; set; } = 4L << 20;

    /// <summary>
    /// Bytes of stores kept resident (host memory; a GPU engine keeps a device copy of each too). The
    /// least recently used store goes first when a new one would exceed it.
    /// </summary>
    public long StoreBudgetBytes { get; set; } = 2L << 30;

    /// <summary>
    /// The shared key callers send in <c>x-worker-key</c> (the local stack's credential). Leave it
    /// empty in Azure, where callers present an Entra ID token instead.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Entra ID validation of callers' tokens (Azure).</summary>
    public EntraOptions Entra { get; set; } = new();

    /// <summary>Blob storage holding the stores.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>True when some credential is configured; the worker refuses to start without one.</summary>
    public bool HasCredential => !string.IsNullOrEmpty(ApiKey) || !string.IsNullOrEmpty(Entra.ClientId);
}

/// <summary>Which Entra ID tokens the worker accepts.</summary>
public sealed class EntraOptions
{
    /// <summary>Sign-in authority host.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The tenant that issues the tokens.</summary>
    public string? TenantId { get; set; }

    /// <summary>The worker's app registration (its client id): the tokens' audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>Object ids of the identities allowed to call (the Function App's managed identity); empty allows any caller the tenant issues a token to.</summary>
    public List<string> AllowedCallers { get; set; } = [];
}

/// <summary>Where the stores are read from.</summary>
public sealed class StorageOptions
{
    /// <summary>Storage account name, reached with the managed identity (Azure).</summary>
    public string? AccountName { get; set; }

    /// <summary>Connection string when no account name is given (Azurite's development account by default).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
