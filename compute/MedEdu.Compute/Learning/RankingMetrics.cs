namespace MedEdu.Compute.Learning;

/// <summary>How well a ranking agrees with the truth: rank correlations, precision at k and enrichment.</summary>
public static class RankingMetrics
{
    /// <summary>Spearman's rho: Pearson correlation of the ranks (ties get their average rank).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>Kendall's tau-b (accounts for ties in either list).</summary>
    public static double KendallTau(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (int i = 0; i < x.Count; i++)
        {
            for (int j = i + 1; j < x.Count; j++)
            {
                int sx = Math.Sign(x[i] - x[j]), sy = Math.Sign(y[i] - y[j]);
                if (sx == 0 && sy == 0)
                {
                    continue;
                }

                if (sx == 0)
                {
                    tiesX++;
                }
                else if (sy == 0)
                {
                    tiesY++;
                }
                else if (sx == sy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }

        double denominator = Math.Sqrt((double)(concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }

    /// <summary>Fraction of the <paramref name="k"/> picks that are actives.</summary>
    public static double PrecisionAtK(IReadOnlyList<int> picks, IReadOnlySet<int> actives, int k) =>
        k == 0 ? 0 : (double)picks.Take(k).Count(actives.Contains) / k;

    /// <summary>
    /// Enrichment factor at a fraction of the ranked library: (actives in the top fraction /
    /// size of the top fraction) divided by (all actives / library size).
    /// </summary>
    public static double EnrichmentFactor(IReadOnlyList<int> ranking, IReadOnlySet<int> actives, double fraction)
    {
        int top = Math.Max(1, (int)Math.Round(ranking.Count * fraction));
        if (actives.Count == 0 || ranking.Count == 0)
        {
            return 0;
        }

        double hitRate = (double)ranking.Take(top).Count(actives.Contains) / top;
        double baseRate = (double)actives.Count / ranking.Count;
        return hitRate / baseRate;
    }

    /// <summary>Pearson correlation.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// 1-based ranks where values within <paramref name="tolerance"/> of their neighbour in sorted
    /// order form one tie group and share its average rank (tolerance 0: exact ties only).
    /// </summary>
    public static double[] RanksWithin(IReadOnlyList<double> values, double tolerance)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] - values[order[j]] <= tolerance)
            {
                j++;
            }

            double average = ((i + j) / 2.0) + 1;
            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = average;
            }

            i = j + 1;
        }

        return ranks;
    }

    /// <summary>1-based ranks, ties averaged.</summary>
    public static double[] Ranks(IReadOnlyList<double> values) => RanksWithin(values, 0);
}
