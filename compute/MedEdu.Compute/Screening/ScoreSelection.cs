namespace MedEdu.Compute.Screening;

/// <summary>Picks hits from a vector of scores (negative = filtered out), best first.</summary>
internal static class ScoreSelection
{
    public static ScreeningHit[] Select(ReadOnlySpan<float> scores, ScreeningRequest request)
    {
        if (request.IsTopK)
        {
            var collector = new TopKCollector(request.K);
            for (int i = 0; i < scores.Length; i++)
            {
                float s = scores[i];
                if (s >= 0f && s >= collector.Floor)
                {
                    collector.Add(i, s);
                }
            }

            return collector.ToSortedArray();
        }

        var hits = new List<ScreeningHit>();
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 0f && scores[i] >= request.Threshold)
            {
                hits.Add(new ScreeningHit(i, scores[i]));
            }
        }

        hits.Sort();
        return [.. hits];
    }
}
