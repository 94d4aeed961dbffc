namespace MedEdu.Pipeline;

/// <summary>Settings of the pipeline, bound from the <c>MedEdu</c> configuration section.</summary>
public sealed class PipelineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MedEdu";

    /// <summary>Folder holding the bundled dataset files; defaults to <c>datasets/</c> beside the binaries.</summary>
    public string BundledDatasetsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "datasets");

    /// <summary>Test-only: allow dataset URLs on loopback addresses (the tests' local HTTP servers).</summary>
    public bool AllowLoopbackSources { get; set; }

    /// <summary>
    /// The instance key, sent in <c>x-functions-key</c>: its holder is an administrator who sees every
    /// class (the local host always sets one; in Azure it is a break-glass key, off unless the
    /// deployment sets it, and instructors sign in with Entra ID).
    /// </summary>
    public string? InstructorKey { get; set; }

    /// <summary>
    /// Instructors of a local or self-hosted instance, each with their own key (sent in
    /// <c>x-functions-key</c>), so that each owns their classes. In Azure, instructors sign in with
    /// Entra ID instead (<see cref="AppServiceAuthentication"/>).
    /// </summary>
    public List<InstructorAccount> Instructors { get; set; } = [];

    /// <summary>
    /// True where App Service Authentication (Entra ID) fronts the app, which the Bicep template
    /// configures: the signed-in principal's header is read then, and only then (elsewhere anyone
    /// could send it).
    /// </summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>The app role of the instance's app registration that grants the instructor routes.</summary>
    public string InstructorRole { get; set; } = "Instructor";

    /// <summary>Days after a class's end date when the retention timer deletes it with its students' data; 0 keeps classes.</summary>
    public int ClassRetentionDays { get; set; }

    /// <summary>
    /// Train a model for every ingested version (default). Off, versions serve compounds, search
    /// and exercises without model rankings: for quick local runs and the crash-fault test.
    /// </summary>
    public bool TrainModels { get; set; } = true;

    /// <summary>
    /// Most measured compounds a model trains and is tested on: a larger version gives a seeded,
    /// stratified sample (<see cref="Compute.Learning.TrainingSample"/>), so training memory does not
    /// grow with the dataset. Every compound still gets a prediction.
    /// </summary>
    public int MaxTrainingCompounds { get; set; } = 50_000;

    /// <summary>
    /// Training compounds the applicability domain compares each compound with (a seeded sample when
    /// there are more), which bounds the cost of predicting a million compounds.
    /// </summary>
    public int DomainReferenceCompounds { get; set; } = 5_000;

    /// <summary>Largest source file accepted, in bytes.</summary>
    public long MaxSourceBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest file an instructor may upload (<c>POST /api/uploads</c>), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 2L << 30;

    /// <summary>How long an upload's write-only URL (and its id) stays valid.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest a source download may take.</summary>
    public TimeSpan SourceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Hosts dataset URLs may point at (https only); instructors' own hosts are added in configuration.</summary>
    public List<string> AllowedSourceHosts { get; set; } =
    [
        "raw.githubusercontent.com",
        "deepchemdata.s3-us-west-1.amazonaws.com",
        "pubchem.ncbi.nlm.nih.gov",
        "www.ebi.ac.uk",
        "dataverse.harvard.edu",
    ];

    /// <summary>Root of PubChem PUG-REST; the host must be on <see cref="AllowedSourceHosts"/>.</summary>
    public string PubChemBaseUrl { get; set; } = "https://pubchem.ncbi.nlm.nih.gov/rest/pug";

    /// <summary>Root of the ChEMBL REST API; the host must be on <see cref="AllowedSourceHosts"/>.</summary>
    public string ChemblBaseUrl { get; set; } = "https://www.ebi.ac.uk/chembl/api/data";

    /// <summary>The URL policy these options imply.</summary>
    public Datasets.SourceUrlPolicy UrlPolicy => new(AllowLoopbackSources, AllowedSourceHosts);
}
