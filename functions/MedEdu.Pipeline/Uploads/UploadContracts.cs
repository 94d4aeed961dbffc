namespace MedEdu.Pipeline.Uploads;

/// <summary>Body of <c>POST /api/uploads</c> (optional).</summary>
/// <param name="FileName">The file's name, for the record.</param>
public sealed record UploadRequest(string? FileName);

/// <summary>
/// What <c>POST /api/uploads</c> answers: where to PUT the file (a write-only URL for one blob,
/// valid until <paramref name="ExpiresAt"/>) and the id to register it with.
/// </summary>
/// <param name="Id">The upload id: <c>{"upload": id}</c> in <c>POST /api/datasets</c>.</param>
/// <param name="UploadUrl">PUT the file here (<c>x-ms-blob-type: BlockBlob</c>), or its blocks with <c>comp=block</c> and then the block list.</param>
/// <param name="ExpiresAt">When the URL and the id expire.</param>
/// <param name="MaxBytes">Largest file accepted.</param>
public sealed record UploadTicket(string Id, string UploadUrl, DateTimeOffset ExpiresAt, long MaxBytes);

/// <summary>A checked upload: its blob, its size and ETag at registration, and how to read it.</summary>
/// <param name="Id">Upload id.</param>
/// <param name="Bytes">Size.</param>
/// <param name="ETag">The blob's ETag when it was claimed; ingestion reads exactly that content.</param>
/// <param name="Format">csv, or smiles (one "SMILES name" per line).</param>
public sealed record UploadClaim(string Id, long Bytes, string ETag, string Format);

/// <summary>An upload a registration cannot use, and why.</summary>
public sealed class UploadRefusedException(DomainError error, string title, string message) : DomainException(error, message, title);
