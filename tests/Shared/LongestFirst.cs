using Xunit.Abstractions;

namespace MedEdu.Testing;

/// <summary>
/// Marks a test class whose tests take long together (about <see cref="Seconds"/> on the CI machine
/// with the rest of the suite beside it), so <see cref="LongestFirstOrderer"/> starts it first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    /// <summary>The class's approximate wall time in the whole suite, in seconds.</summary>
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest test collections first (longest-processing-time-first scheduling): xunit hands
/// collections to its parallel threads in this order, so a two-minute class started last no longer
/// runs alone at the end while the other thread idles. Unmarked collections keep xunit's order.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index, seconds: SecondsOf(collection)))
            .OrderByDescending(entry => entry.seconds)
            .ThenBy(entry => entry.index)
            .Select(entry => entry.collection);

    private static int SecondsOf(ITestCollection collection)
    {
        // A class without [Collection] is its own collection, named after the class.
        var type = collection.CollectionDefinition ??
            (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..])
                : null);
        var mark = type?.GetCustomAttributes(typeof(LongRunningAttribute)).FirstOrDefault();
        return mark is null ? 0 : mark.GetConstructorArguments().OfType<int>().FirstOrDefault();
    }
}
