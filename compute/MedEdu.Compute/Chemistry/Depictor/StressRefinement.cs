using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Stress majorization (localized SMACOF) of a group of atoms: moves each atom towards where its
/// graph distances to the others say it should be. Used from a template start on bridged and cage
/// ring systems, where no set of regular polygons fits.
/// </summary>
public static class StressRefinement
{
    private const int Iterations = 300;

    /// <summary>Relaxes the positions of <paramref name="atoms"/> in place; bonds end up about 1 long.</summary>
    public static void Relax(Molecule molecule, IReadOnlyList<int> atoms, Dictionary<int, Point2> pos)
    {
        int n = atoms.Count;
        if (n < 3)
        {
            return;
        }

        var local = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            local[atoms[i]] = i;
        }

        var graph = GraphDistances(molecule, atoms, local);
        var target = new double[n, n];
        var weight = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int g = graph[i, j];
                if (i == j || g <= 0)
                {
                    continue;
                }

                // Bond 1, a 120° angle √3, longer paths shrink as zigzags and rings do.
                target[i, j] = g == 1 ? 1 : g == 2 ? Math.Sqrt(3) : (0.75 * g) + 0.25;
                weight[i, j] = 1.0 / (target[i, j] * target[i, j]);
            }
        }

        var x = atoms.Select(a => pos[a]).ToArray();
        Jitter(x);
        for (int iter = 0; iter < Iterations; iter++)
        {
            for (int i = 0; i < n; i++)
            {
                double sx = 0, sy = 0, sw = 0;
                for (int j = 0; j < n; j++)
                {
                    double w = weight[i, j];
                    if (w == 0)
                    {
                        continue;
                    }

                    var diff = x[i] - x[j];
                    double dist = Math.Max(diff.Length, 1e-6);
                    sx += w * (x[j].X + (target[i, j] * diff.X / dist));
                    sy += w * (x[j].Y + (target[i, j] * diff.Y / dist));
                    sw += w;
                }

                if (sw > 0)
                {
                    x[i] = new Point2(sx / sw, sy / sw);
                }
            }
        }

        // Back to unit bonds on average.
        double total = 0;
        int bonds = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (graph[i, j] == 1)
                {
                    total += Point2.Distance(x[i], x[j]);
                    bonds++;
                }
            }
        }

        double scale = bonds == 0 || total == 0 ? 1 : bonds / total;
        var centre = Point2.Centroid(x);
        for (int i = 0; i < n; i++)
        {
            pos[atoms[i]] = (x[i] - centre) * scale;
        }
    }

    private static int[,] GraphDistances(Molecule molecule, IReadOnlyList<int> atoms, Dictionary<int, int> local)
    {
        int n = atoms.Count;
        var dist = new int[n, n];
        var queue = new Queue<int>();
        for (int s = 0; s < n; s++)
        {
            for (int j = 0; j < n; j++)
            {
                dist[s, j] = -1;
            }

            dist[s, s] = 0;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                int u = queue.Dequeue();
                foreach (var nb in molecule.Atoms[atoms[u]].Neighbors)
                {
                    if (local.TryGetValue(nb.Index, out int v) && dist[s, v] < 0)
                    {
                        dist[s, v] = dist[s, u] + 1;
                        queue.Enqueue(v);
                    }
                }
            }
        }

        return dist;
    }

    /// <summary>Separates coincident starting points deterministically, so no pair starts with no direction.</summary>
    private static void Jitter(Point2[] x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (Point2.Distance(x[i], x[j]) < 1e-3)
                {
                    x[i] += Point2.FromAngle(i * 2.399963) * 0.05;
                }
            }
        }
    }
}
