using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Storage;

/// <summary>Hands out table clients, creating each table once per process on first use.</summary>
public sealed class TableProvider(StorageAccount account)
{
    private readonly ConcurrentDictionary<string, Task<TableClient>> _tables = new();

    /// <summary>The client for <paramref name="name"/>, after making sure the table exists.</summary>
    public async Task<TableClient> GetAsync(string name)
    {
        var creation = _tables.GetOrAdd(name, CreateAsync);
        try
        {
            return await creation;
        }
        catch
        {
            // Storage may have been briefly unreachable: let the next call try again.
            _tables.TryRemove(new KeyValuePair<string, Task<TableClient>>(name, creation));
            throw;
        }
    }

    /// <summary>Every entity of one partition of a table.</summary>
    public async Task<List<T>> PartitionAsync<T>(string name, string partition)
        where T : class, ITableEntity, new()
    {
        var table = await GetAsync(name);
        var result = new List<T>();
        await foreach (var e in table.QueryAsync<T>(x => x.PartitionKey == partition))
        {
            result.Add(e);
        }

        return result;
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = account.Tables.GetTableClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
