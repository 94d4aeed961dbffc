using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Tests;

/// <summary>Retention deletes only the classes whose end date lies more than the configured days back, each audited (real Azurite).</summary>
[Trait("Category", "Integration")]
public sealed class ClassRetentionTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Only_classes_past_their_end_date_plus_the_retention_are_deleted()
    {
        await Azurite.EnsureRunningAsync();
        var account = new StorageAccount(Azurite.ConnectionString);
        var tables = new TableProvider(account);
        var repository = new ClassRepository(tables);
        var campaigns = new CampaignRepository(account);
        var audit = new AuditRepository(tables);
        var now = new DateTimeOffset(2031, 6, 30, 12, 0, 0, TimeSpan.Zero);
        string run = Guid.NewGuid().ToString("N")[..8];
        async Task<string> AddAsync(string name, DateTimeOffset? endsOn)
        {
            string id = $"r{run}{name}";
            await repository.AddClassAsync(new ClassEntity { RowKey = id, Name = name, Code = id.ToUpperInvariant(), EndsOn = endsOn, CreatedAt = now.AddDays(-400) }, []);
            return id;
        }

        string expired = await AddAsync("expired", now.AddDays(-31));
        string recent = await AddAsync("recent", now.AddDays(-29));
        string running = await AddAsync("running", now.AddDays(60));
        string open = await AddAsync("open", null);

        var off = new ClassErasure(repository, campaigns, new MedEdu.Pipeline.Tutoring.StudentModelRepository(tables), audit, new FixedClock(now), Options.Create(new PipelineOptions { ClassRetentionDays = 0 }), NullLogger<ClassErasure>.Instance);
        Assert.Empty(await off.DeleteExpiredAsync());

        var erasure = new ClassErasure(repository, campaigns, new MedEdu.Pipeline.Tutoring.StudentModelRepository(tables), audit, new FixedClock(now), Options.Create(new PipelineOptions { ClassRetentionDays = 30 }), NullLogger<ClassErasure>.Instance);
        var deleted = await erasure.DeleteExpiredAsync();
        Assert.Contains(deleted, d => d.ClassId == expired);
        Assert.DoesNotContain(deleted, d => d.ClassId == recent || d.ClassId == running || d.ClassId == open);
        Assert.Null(await repository.FindClassAsync(expired));
        Assert.NotNull(await repository.FindClassAsync(recent));
        Assert.NotNull(await repository.FindClassAsync(running));
        Assert.NotNull(await repository.FindClassAsync(open));
        var entry = Assert.Single(await audit.ForClassAsync(expired));
        Assert.Equal("class deleted by retention", entry.Action);
        Assert.Equal("retention", entry.ActorId);
    }
}
