namespace MedEdu.Compute.Screening;

/// <summary>Keeps the k best hits seen (bounded min-heap on the hit order).</summary>
public sealed class TopKCollector(int k)
{
    private readonly PriorityQueue<ScreeningHit, ScreeningHit> _heap = new(k + 1, Comparer<ScreeningHit>.Create((x, y) => y.CompareTo(x)));

    /// <summary>Score a hit must beat to enter when full (-1 while not full).</summary>
    public float Floor { get; private set; } = -1f;

    /// <summary>Offers a hit.</summary>
    public void Add(int index, float score)
    {
        var hit = new ScreeningHit(index, score);
        if (_heap.Count < k)
        {
            _heap.Enqueue(hit, hit);
        }
        else if (hit.CompareTo(_heap.Peek()) < 0)
        {
            _heap.DequeueEnqueue(hit, hit);
        }
        else
        {
            return;
        }

        if (_heap.Count == k)
        {
            Floor = _heap.Peek().Score;
        }
    }

    /// <summary>Adds every hit of another collector.</summary>
    public void Merge(TopKCollector other)
    {
        foreach (var (hit, _) in other._heap.UnorderedItems)
        {
            Add(hit.Index, hit.Score);
        }
    }

    /// <summary>The hits, best first.</summary>
    public ScreeningHit[] ToSortedArray()
    {
        var hits = _heap.UnorderedItems.Select(x => x.Element).ToArray();
        Array.Sort(hits);
        return hits;
    }
}
