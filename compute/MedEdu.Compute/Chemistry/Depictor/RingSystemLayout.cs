using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Lays out one ring system in its own frame: the first ring as a regular polygon, then each ring
/// that shares atoms with those placed, its free atoms on an arc between the shared ones (a fused
/// ring becomes a regular polygon on the far side of the shared bond), or as a polygon beside a
/// spiro atom. Bridged systems, and any whose template leaves atoms too close, are relaxed by
/// stress majorization from that start.
/// </summary>
public static class RingSystemLayout
{
    /// <summary>Positions of the system's atoms (bond length 1), keyed by atom index.</summary>
    public static Dictionary<int, Point2> Layout(Molecule molecule, RingSystem system)
    {
        var pos = new Dictionary<int, Point2>();
        var rings = system.Rings;
        var pending = Enumerable.Range(0, rings.Count).ToList();

        int first = pending.OrderByDescending(r => SharedNeighbours(rings, r)).ThenBy(r => Math.Abs(rings[r].Length - 6)).First();
        PlacePolygon(rings[first], pos);
        pending.Remove(first);
        var placedRings = new List<int[]> { rings[first] };
        bool bridged = false;

        while (pending.Count > 0)
        {
            // Next: the ring with most atoms already placed, preferring fused (two shared atoms) ones.
            int next = pending.OrderByDescending(r => Score(rings[r], pos)).First();
            var ring = rings[next];
            int shared = ring.Count(pos.ContainsKey);
            if (shared == 0)
            {
                // Not connected to what is placed yet (cannot happen in one system); place it later.
                pending.Remove(next);
                pending.Add(next);
                continue;
            }

            if (shared == 1)
            {
                PlaceSpiro(molecule, ring, pos);
            }
            else
            {
                bridged |= shared > 2 || !SharedAtomsAreOneBond(ring, pos);
                PlaceArcs(ring, pos, placedRings);
            }

            placedRings.Add(ring);
            pending.Remove(next);
        }

        if (bridged || Point2.ClosestPair([.. pos.Values]) < 0.5)
        {
            StressRefinement.Relax(molecule, system.Atoms, pos);
        }

        return pos;
    }

    private static int SharedNeighbours(IReadOnlyList<int[]> rings, int r)
    {
        var set = new HashSet<int>(rings[r]);
        return rings.Where((other, i) => i != r && other.Any(set.Contains)).Count();
    }

    private static int Score(int[] ring, Dictionary<int, Point2> pos)
    {
        int shared = ring.Count(pos.ContainsKey);
        // Two shared atoms (a fused bond) first, then more (bridges), then one (spiro).
        return shared == 2 ? 1000 : shared > 2 ? 500 + shared : shared;
    }

    private static bool SharedAtomsAreOneBond(int[] ring, Dictionary<int, Point2> pos)
    {
        for (int i = 0; i < ring.Length; i++)
        {
            if (pos.ContainsKey(ring[i]) && pos.ContainsKey(ring[(i + 1) % ring.Length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A regular polygon of unit sides, centred on the origin, flat sides left and right for six-rings.</summary>
    private static void PlacePolygon(int[] ring, Dictionary<int, Point2> pos)
    {
        int n = ring.Length;
        double radius = 1 / (2 * Math.Sin(Math.PI / n));
        double start = (Math.PI / 2) + (n % 2 == 0 ? Math.PI / n : 0);
        for (int i = 0; i < n; i++)
        {
            pos[ring[i]] = Point2.FromAngle(start + (2 * Math.PI * i / n)) * radius;
        }
    }

    private static void PlaceSpiro(Molecule molecule, int[] ring, Dictionary<int, Point2> pos)
    {
        int k = Array.FindIndex(ring, pos.ContainsKey);
        var spiro = pos[ring[k]];
        var neighbours = molecule.Atoms[ring[k]].Neighbors.Where(a => pos.ContainsKey(a.Index)).Select(a => pos[a.Index]).ToList();
        var away = neighbours.Count == 0 ? new Point2(1, 0) : (spiro - Point2.Centroid(neighbours)).Unit;
        int n = ring.Length;
        double radius = 1 / (2 * Math.Sin(Math.PI / n));
        var centre = spiro + (away * radius);
        double start = (spiro - centre).Angle;
        for (int i = 1; i < n; i++)
        {
            pos[ring[(k + i) % n]] = centre + (Point2.FromAngle(start + (2 * Math.PI * i / n)) * radius);
        }
    }

    /// <summary>Places each run of free ring atoms on an arc of unit chords between its two placed ends.</summary>
    private static void PlaceArcs(int[] ring, Dictionary<int, Point2> pos, List<int[]> placedRings)
    {
        int n = ring.Length;
        int startIndex = Array.FindIndex(ring, pos.ContainsKey);
        int i = 0;
        while (i < n)
        {
            int a = (startIndex + i) % n;
            int j = i + 1;
            while (j <= n && !pos.ContainsKey(ring[(startIndex + j) % n]))
            {
                j++;
            }

            int run = j - i - 1;
            if (run > 0)
            {
                var free = Enumerable.Range(1, run).Select(t => ring[(startIndex + i + t) % n]).ToArray();
                PlaceArc(pos[ring[a]], pos[ring[(startIndex + j) % n]], free, ring[a], ring[(startIndex + j) % n], pos, placedRings);
            }

            i = j;
        }
    }

    private static void PlaceArc(Point2 a, Point2 b, int[] free, int atomA, int atomB, Dictionary<int, Point2> pos, List<int[]> placedRings)
    {
        int chords = free.Length + 1;
        double d = Point2.Distance(a, b);
        var candidates = new List<Point2[]>();
        foreach (int side in new[] { 1, -1 })
        {
            candidates.Add(ArcPoints(a, b, chords, d, side));
        }

        // The arc goes to the side away from the rings that hold both ends (a fused bond's ring);
        // with no such ring, or a tie, to the side with fewer placed atoms nearby.
        var sharing = placedRings.Where(r => Array.IndexOf(r, atomA) >= 0 && Array.IndexOf(r, atomB) >= 0).ToList();
        Point2[] best;
        if (sharing.Count > 0)
        {
            var reference = Point2.Centroid(sharing.SelectMany(r => r).Distinct().Select(x => pos[x]));
            var normal = (b - a).Perpendicular;
            double refSide = Point2.Dot(reference - a, normal);
            best = candidates.OrderBy(c => Math.Sign(Point2.Dot(Point2.Centroid(c) - a, normal)) == Math.Sign(refSide) ? 1 : 0)
                .ThenBy(c => Crowding(c, pos)).First();
        }
        else
        {
            best = candidates.OrderBy(c => Crowding(c, pos)).First();
        }

        for (int t = 0; t < free.Length; t++)
        {
            pos[free[t]] = best[t];
        }
    }

    private static double Crowding(Point2[] points, Dictionary<int, Point2> pos) => points.Sum(p => Point2.Crowding(p, pos.Values));

    /// <summary>
    /// Points between <paramref name="a"/> and <paramref name="b"/> on a circular arc made of
    /// <paramref name="chords"/> unit chords, bulging to one side of AB (a straight, stretched
    /// line when the ends are too far apart for unit chords).
    /// </summary>
    internal static Point2[] ArcPoints(Point2 a, Point2 b, int chords, double d, int side)
    {
        var result = new Point2[chords - 1];
        var along = d < 1e-9 ? new Point2(1, 0) : (b - a) / d;
        var bulge = along.Perpendicular * side;
        var mid = (a + b) / 2;
        if (d >= chords - 1e-9)
        {
            for (int t = 1; t < chords; t++)
            {
                result[t - 1] = a + ((b - a) * ((double)t / chords));
            }

            return result;
        }

        // Solve sin(cθ/2)/sin(θ/2) = d for the angle θ each chord subtends (decreasing in θ).
        double lo = 1e-9, hi = (2 * Math.PI / chords) - 1e-9;
        for (int iter = 0; iter < 80; iter++)
        {
            double th = (lo + hi) / 2;
            double f = Math.Sin(chords * th / 2) / Math.Sin(th / 2);
            if (f > d)
            {
                lo = th;
            }
            else
            {
                hi = th;
            }
        }

        double theta = (lo + hi) / 2;
        double radius = 1 / (2 * Math.Sin(theta / 2));
        double span = chords * theta;
        double h = -radius * Math.Cos(span / 2);
        // Local frame: chord on the x axis from (-d/2, 0) to (d/2, 0), bulge towards +y.
        double angleA = Math.Atan2(-h, -d / 2);
        for (int t = 1; t < chords; t++)
        {
            double angle = angleA - (t * theta);
            double x = radius * Math.Cos(angle);
            double y = h + (radius * Math.Sin(angle));
            result[t - 1] = mid + (along * x) + (bulge * y);
        }

        return result;
    }
}
