using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// 2D coordinates for a molecule, in bond lengths (y up). Ring systems are laid out as rigid
/// pieces (<see cref="RingSystemLayout"/>); chains grow from them breadth-first as 120° zigzags
/// (straight through triple bonds and allenes); substituents go into the largest free angle; an
/// attached ring system is turned so its bond leaves along its outer bisector. Double bonds marked
/// cis or trans are drawn as written (<see cref="DoubleBondStereo"/>). Remaining clashes are removed
/// by <see cref="OverlapResolver"/>, and separate components are set side by side.
/// </summary>
public static class CoordinateGenerator
{
    /// <summary>Computes coordinates for every atom of <paramref name="molecule"/>.</summary>
    public static Point2[] Compute(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        var pos = new Point2[n];
        if (n == 0)
        {
            return pos;
        }

        var systems = RingSystem.Find(molecule, out var systemOfAtom);
        var layouts = systems.Select(s => RingSystemLayout.Layout(molecule, s)).ToList();
        var placed = new bool[n];
        var components = Components(molecule);
        var doubleBonds = DoubleBondStereo.Find(molecule);
        double nextLeft = 0;
        foreach (var component in components)
        {
            new Builder(molecule, pos, placed, systems, layouts, systemOfAtom).Build(component);
            DoubleBondStereo.Apply(molecule, pos, component, doubleBonds);
            OverlapResolver.Resolve(molecule, pos, component, doubleBonds);
            RelaxIfCrowded(molecule, pos, component, doubleBonds);

            // Relaxation moves atoms freely: put any marked double bond it turned round back as written.
            DoubleBondStereo.Apply(molecule, pos, component, doubleBonds);
            Orient(pos, component);

            // Components side by side, left to right, centred on y = 0.
            double minX = component.Min(a => pos[a].X), maxX = component.Max(a => pos[a].X);
            double midY = (component.Min(a => pos[a].Y) + component.Max(a => pos[a].Y)) / 2;
            var shift = new Point2(nextLeft - minX, -midY);
            foreach (int a in component)
            {
                pos[a] += shift;
            }

            nextLeft += maxX - minX + 1.5;
        }

        return pos;
    }

    private static List<int[]> Components(Molecule molecule)
    {
        var seen = new bool[molecule.Atoms.Count];
        var result = new List<int[]>();
        var stack = new Stack<int>();
        for (int s = 0; s < seen.Length; s++)
        {
            if (seen[s])
            {
                continue;
            }

            var atoms = new List<int>();
            stack.Push(s);
            seen[s] = true;
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                atoms.Add(a);
                foreach (var nb in molecule.Atoms[a].Neighbors)
                {
                    if (!seen[nb.Index])
                    {
                        seen[nb.Index] = true;
                        stack.Push(nb.Index);
                    }
                }
            }

            atoms.Sort();
            result.Add([.. atoms]);
        }

        return result;
    }

    /// <summary>
    /// Where clashes survive (cages with many substituents), relaxes the whole component by stress
    /// majorization from the current drawing, and keeps that only when atoms end up further apart.
    /// </summary>
    private static void RelaxIfCrowded(Molecule molecule, Point2[] pos, int[] component, List<DoubleBondStereo.Spec> doubleBonds)
    {
        const double crowded = 0.6;
        double before = ClosestPair(pos, component);
        if (before >= crowded || component.Length > 250)
        {
            return;
        }

        var trial = component.ToDictionary(a => a, a => pos[a]);
        StressRefinement.Relax(molecule, component, trial);
        var candidate = (Point2[])pos.Clone();
        foreach (var (atom, p) in trial)
        {
            candidate[atom] = p;
        }

        OverlapResolver.Resolve(molecule, candidate, component, doubleBonds);
        if (ClosestPair(candidate, component) > before)
        {
            Array.Copy(candidate, pos, pos.Length);
            before = ClosestPair(pos, component);
        }

        if (before < crowded)
        {
            candidate = (Point2[])pos.Clone();
            ClashRelaxation.Relax(molecule, candidate, component);
            if (ClosestPair(candidate, component) > before)
            {
                Array.Copy(candidate, pos, pos.Length);
            }
        }
    }

    /// <summary>Smallest distance between two atoms of the component.</summary>
    private static double ClosestPair(Point2[] pos, int[] atoms) => Point2.ClosestPair(atoms.Select(a => pos[a]).ToArray());

    /// <summary>Turns a long, thin component to lie along x, in 30° steps so rings keep their usual orientation.</summary>
    private static void Orient(Point2[] pos, int[] component)
    {
        if (component.Length < 3)
        {
            return;
        }

        var centre = Point2.Centroid(component.Select(a => pos[a]));
        double sxx = 0, syy = 0, sxy = 0;
        foreach (int a in component)
        {
            var d = pos[a] - centre;
            sxx += d.X * d.X;
            syy += d.Y * d.Y;
            sxy += d.X * d.Y;
        }

        double trace = sxx + syy, det = (sxx * syy) - (sxy * sxy);
        double disc = Math.Sqrt(Math.Max(0, (trace * trace / 4) - det));
        double major = (trace / 2) + disc, minor = (trace / 2) - disc;
        if (major < 1.5 * Math.Max(minor, 1e-9))
        {
            return;
        }

        double axis = 0.5 * Math.Atan2(2 * sxy, sxx - syy);
        double step = Math.PI / 6;
        double turn = -Math.Round(axis / step) * step;
        if (Math.Abs(turn) < 1e-9)
        {
            return;
        }

        foreach (int a in component)
        {
            pos[a] = pos[a].RotateAbout(centre, turn);
        }
    }

    /// <summary>Places one connected component breadth-first from its largest ring system or a chain end.</summary>
    private sealed class Builder(Molecule molecule, Point2[] pos, bool[] placed, List<RingSystem> systems, List<Dictionary<int, Point2>> layouts, int[] systemOfAtom)
    {
        private readonly Queue<int> _queue = new();
        private readonly Dictionary<int, int> _turn = [];

        public void Build(int[] component)
        {
            var componentSystems = component.Where(a => systemOfAtom[a] >= 0).Select(a => systemOfAtom[a]).Distinct()
                .OrderByDescending(s => systems[s].Atoms.Count).ThenBy(s => s).ToList();
            if (componentSystems.Count > 0)
            {
                int s = componentSystems[0];
                foreach (var (atom, p) in layouts[s])
                {
                    Place(atom, p);
                }
            }
            else
            {
                int seed = ChainEnd(component);
                Place(seed, new Point2(0, 0));
                _turn[seed] = -1;
            }

            while (_queue.Count > 0)
            {
                Grow(_queue.Dequeue());
            }
        }

        private void Place(int atom, Point2 p)
        {
            pos[atom] = p;
            placed[atom] = true;
            _queue.Enqueue(atom);
        }

        /// <summary>One end of a longest path (two breadth-first sweeps), so chains are drawn end to end.</summary>
        private int ChainEnd(int[] component)
        {
            int Farthest(int from)
            {
                var dist = new Dictionary<int, int> { [from] = 0 };
                var q = new Queue<int>();
                q.Enqueue(from);
                int last = from;
                while (q.Count > 0)
                {
                    int a = q.Dequeue();
                    last = a;
                    foreach (var nb in molecule.Atoms[a].Neighbors)
                    {
                        if (dist.TryAdd(nb.Index, dist[a] + 1))
                        {
                            q.Enqueue(nb.Index);
                        }
                    }
                }

                return last;
            }

            return Farthest(Farthest(component[0]));
        }

        private void Grow(int a)
        {
            var atom = molecule.Atoms[a];
            var free = atom.Neighbors.Where(nb => !placed[nb.Index]).Select(nb => nb.Index)
                .OrderByDescending(BranchSize).ThenBy(i => i).ToList();
            if (free.Count == 0)
            {
                return;
            }

            var fixedAngles = atom.Neighbors.Where(nb => placed[nb.Index]).Select(nb => (pos[nb.Index] - pos[a]).Angle).ToList();
            var directions = Directions(atom, fixedAngles, free.Count);
            for (int i = 0; i < free.Count; i++)
            {
                int b = free[i];
                var target = pos[a] + Point2.FromAngle(directions[i]);
                if (systemOfAtom[b] >= 0)
                {
                    AttachSystem(b, a, target);
                }
                else
                {
                    Place(b, target);
                    _turn[b] = -_turn.GetValueOrDefault(a, 1);
                }
            }
        }

        private int BranchSize(int start)
        {
            // Atoms reachable without passing placed atoms: the larger branch continues the main direction.
            var seen = new HashSet<int> { start };
            var stack = new Stack<int>();
            stack.Push(start);
            while (stack.Count > 0 && seen.Count < 64)
            {
                foreach (var nb in molecule.Atoms[stack.Pop()].Neighbors)
                {
                    if (!placed[nb.Index] && seen.Add(nb.Index))
                    {
                        stack.Push(nb.Index);
                    }
                }
            }

            return seen.Count;
        }

        /// <summary>Angles (radians) for <paramref name="count"/> new bonds from an atom whose placed bonds point at <paramref name="fixedAngles"/>.</summary>
        private List<double> Directions(Atom atom, List<double> fixedAngles, int count)
        {
            const double deg = Math.PI / 180;
            var result = new List<double>(count);
            if (fixedAngles.Count == 0)
            {
                if (count == 1)
                {
                    result.Add(30 * deg);
                }
                else if (count == 2)
                {
                    result.Add(-30 * deg);
                    result.Add(-150 * deg);
                }
                else
                {
                    for (int i = 0; i < count; i++)
                    {
                        result.Add((90 * deg) + (2 * Math.PI * i / count));
                    }
                }

                return result;
            }

            if (fixedAngles.Count == 1)
            {
                double back = fixedAngles[0];
                double ahead = back + Math.PI;
                if (count == 1)
                {
                    if (IsLinear(atom))
                    {
                        result.Add(ahead);
                        return result;
                    }

                    // Zigzag: turn the other way from the previous atom, unless that side is crowded.
                    int turn = _turn.GetValueOrDefault(atom.Index, 1);
                    double preferred = ahead + (turn * 60 * deg), other = ahead - (turn * 60 * deg);
                    var from = pos[atom.Index];
                    bool swap = Crowding(from + Point2.FromAngle(preferred)) > Crowding(from + Point2.FromAngle(other)) + 0.5;
                    if (swap)
                    {
                        _turn[atom.Index] = -turn;
                    }

                    result.Add(swap ? other : preferred);
                    return result;
                }

                if (count == 3)
                {
                    result.AddRange([back + (90 * deg), back + (180 * deg), back + (270 * deg)]);
                    return result;
                }

                for (int i = 1; i <= count; i++)
                {
                    result.Add(back + (2 * Math.PI * i / (count + 1)));
                }

                return result;
            }

            // Several bonds fixed (a ring atom, or a branch point): fill the largest free angle evenly;
            // between near-equal angles (a ring-fusion atom) take the one that is not inside a ring.
            var sorted = fixedAngles.Select(Normalize).OrderBy(x => x).ToList();
            var gaps = new List<(double Start, double Size)>();
            for (int i = 0; i < sorted.Count; i++)
            {
                double end = i + 1 < sorted.Count ? sorted[i + 1] : sorted[0] + (2 * Math.PI);
                gaps.Add((sorted[i], end - sorted[i]));
            }

            double largest = gaps.Max(g => g.Size);
            var origin = pos[atom.Index];
            var (bestStart, bestGap) = gaps.Where(g => g.Size > largest - (10 * deg))
                .OrderBy(g => Crowding(origin + Point2.FromAngle(g.Start + (g.Size / 2)))).First();

            for (int i = 1; i <= count; i++)
            {
                result.Add(bestStart + (bestGap * i / (count + 1)));
            }

            return result;
        }

        private static double Normalize(double angle)
        {
            double twoPi = 2 * Math.PI;
            angle %= twoPi;
            return angle < 0 ? angle + twoPi : angle;
        }

        /// <summary>sp atoms: a triple bond, or two double bonds (allene, CO2-like).</summary>
        private static bool IsLinear(Atom atom)
        {
            int doubles = 0;
            foreach (var b in atom.Bonds)
            {
                if (b.Order == BondOrder.Triple)
                {
                    return true;
                }

                if (b.Order == BondOrder.Double)
                {
                    doubles++;
                }
            }

            return doubles >= 2;
        }

        private double Crowding(Point2 p) => Point2.Crowding(p, pos.Where((_, i) => placed[i]));

        /// <summary>Places a whole ring system so that <paramref name="anchor"/> sits at <paramref name="target"/> with its outer bisector pointing back at <paramref name="from"/>.</summary>
        private void AttachSystem(int anchor, int from, Point2 target)
        {
            var layout = layouts[systemOfAtom[anchor]];
            var ringNeighbours = molecule.Atoms[anchor].Neighbors.Where(nb => layout.ContainsKey(nb.Index)).Select(nb => layout[nb.Index]).ToList();
            var exit = (layout[anchor] - Point2.Centroid(ringNeighbours)).Unit;
            var wanted = (pos[from] - target).Unit;
            double turn = wanted.Angle - exit.Angle;

            Dictionary<int, Point2>? best = null;
            double bestCrowding = double.MaxValue;
            foreach (bool mirror in new[] { false, true })
            {
                var candidate = new Dictionary<int, Point2>();
                foreach (var (atom, p) in layout)
                {
                    var q = p.RotateAbout(layout[anchor], turn) - layout[anchor] + target;
                    if (mirror)
                    {
                        q = q.ReflectIn(target, target + wanted);
                    }

                    candidate[atom] = q;
                }

                double crowding = candidate.Values.Sum(Crowding);
                if (crowding < bestCrowding - 1e-9)
                {
                    bestCrowding = crowding;
                    best = candidate;
                }
            }

            foreach (var (atom, p) in best!)
            {
                Place(atom, p);
            }
        }
    }
}
