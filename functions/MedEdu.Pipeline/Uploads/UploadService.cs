using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using MedEdu.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Uploads;

/// <summary>
/// Uploads by the valet-key pattern: an instructor gets a short-lived, write-only URL for one blob
/// and sends the file straight to storage; a registration then claims the upload once. The app
/// never holds the file in a request.
/// </summary>
public sealed class UploadService(StorageAccount account, TableProvider tables, IOptions<PipelineOptions> options, TimeProvider clock)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageLayout.UploadContainer);

    /// <summary>The upload container (ingestion reads claimed uploads from it).</summary>
    public BlobContainerClient Container => _container;

    /// <summary>Issues a ticket: an id and a write-only URL for the blob of that id.</summary>
    public async Task<UploadTicket> CreateAsync(string? fileName, CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = clock.GetUtcNow();
        var expires = now + options.Value.UploadLifetime;
        var table = await tables.GetAsync(StorageLayout.Uploads);
        await table.AddEntityAsync(new UploadEntity { RowKey = id, FileName = Trim(fileName), CreatedAt = now, ExpiresAt = expires }, cancellationToken);
        // Create and write one blob, read nothing.
        var url = await account.SignedUrlAsync(_container.GetBlobClient(BlobNameOf(id)), BlobSasPermissions.Create | BlobSasPermissions.Write, expires, cancellationToken);
        return new UploadTicket(id, url.ToString(), expires, options.Value.MaxUploadBytes);
    }

    /// <summary>The blob an upload id writes.</summary>
    public static string BlobNameOf(string id) => $"{id}.upload";

    /// <summary>
    /// Checks that <paramref name="id"/> can be registered: issued, not expired, not used, its file
    /// uploaded, within the size limit, and CSV (with <paramref name="smilesColumn"/>) or SMILES.
    /// Claims it for <paramref name="datasetId"/>; a second claim, even at the same moment, is refused.
    /// </summary>
    /// <exception cref="UploadRefusedException">Why it cannot be used.</exception>
    public async Task<UploadClaim> ClaimAsync(string id, string datasetId, string smilesColumn, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Uploads);
        var ticket = await FindAsync(table, id, cancellationToken)
            ?? throw new UploadRefusedException(DomainError.NotFound, "Unknown upload", $"no upload '{id}': create one with POST /api/uploads");
        if (ticket.UsedBy is not null)
        {
            throw new UploadRefusedException(DomainError.Conflict, "Upload already used", $"upload '{id}' was registered as dataset '{ticket.UsedBy}'; upload the file again for another dataset");
        }

        if (clock.GetUtcNow() > ticket.ExpiresAt)
        {
            throw new UploadRefusedException(DomainError.Expired, "Upload expired", $"upload '{id}' expired at {ticket.ExpiresAt:u}; create a new one with POST /api/uploads");
        }

        var blob = _container.GetBlobClient(BlobNameOf(id));
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new UploadRefusedException(DomainError.Invalid, "Nothing uploaded", $"no file was uploaded under '{id}' (or its block list was never committed): PUT the file to the upload URL first");
        }

        if (properties.ContentLength > options.Value.MaxUploadBytes)
        {
            throw new UploadRefusedException(DomainError.TooLarge, "Upload too large", $"the file has {properties.ContentLength} bytes; the limit is {options.Value.MaxUploadBytes} (MedEdu:MaxUploadBytes)");
        }

        var head = await HeadAsync(blob, properties.ETag, cancellationToken);
        string format = UploadSniffer.Sniff(head, smilesColumn, out string problem)
            ?? throw new UploadRefusedException(DomainError.UnsupportedFormat, "Not CSV or SMILES", problem);

        ticket.UsedBy = datasetId;
        try
        {
            await table.UpdateEntityAsync(ticket, ticket.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new UploadRefusedException(DomainError.Conflict, "Upload already used", $"upload '{id}' was just registered by another request");
        }

        return new UploadClaim(id, properties.ContentLength, properties.ETag.ToString(), format);
    }

    /// <summary>Gives a claimed upload back (its registration failed after the claim, e.g. the dataset id was taken).</summary>
    public async Task ReleaseAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Uploads);
        if (await FindAsync(table, id, cancellationToken) is { } ticket)
        {
            ticket.UsedBy = null;
            await table.UpdateEntityAsync(ticket, ticket.ETag, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>
    /// Lets browsers on <paramref name="origins"/> PUT to upload URLs (the page uploads straight to
    /// storage). The local host sets it on Azurite; in Azure the template sets the same rule.
    /// </summary>
    public async Task AllowBrowserUploadsAsync(IEnumerable<string> origins, CancellationToken cancellationToken = default)
    {
        var properties = (await account.Blobs.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors = [new BlobCorsRule
        {
            AllowedOrigins = string.Join(",", origins),
            AllowedMethods = "PUT,OPTIONS",
            AllowedHeaders = "*",
            ExposedHeaders = "*",
            MaxAgeInSeconds = 3600,
        }];
        await account.Blobs.SetPropertiesAsync(properties, cancellationToken);
    }

    private static async Task<UploadEntity?> FindAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<UploadEntity>(UploadEntity.Partition, id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static async Task<byte[]> HeadAsync(BlobClient blob, ETag etag, CancellationToken cancellationToken)
    {
        var download = await blob.DownloadContentAsync(new BlobDownloadOptions
        {
            Range = new HttpRange(0, UploadSniffer.HeadBytes),
            Conditions = new BlobRequestConditions { IfMatch = etag },
        }, cancellationToken);
        return download.Value.Content.ToArray();
    }

    private static string? Trim(string? fileName)
    {
        string name = Path.GetFileName(fileName?.Trim() ?? "");
        return name.Length == 0 ? null : name[..Math.Min(name.Length, 200)];
    }
}
