using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Last resort for drawings no flip can clear (cages, crowded polycycles): alternately pushes
/// apart non-bonded atoms closer than a margin and pulls bonds back to unit length, a few hundred
/// small steps, so the drawing stays recognisable while atoms separate.
/// </summary>
public static class ClashRelaxation
{
    private const double Margin = 0.62;
    private const int Iterations = 400;

    /// <summary>Relaxes the positions of <paramref name="atoms"/> in place.</summary>
    public static void Relax(Molecule molecule, Point2[] pos, int[] atoms)
    {
        var bonds = molecule.Bonds.Where(b => Array.IndexOf(atoms, b.Begin.Index) >= 0).Select(b => (b.Begin.Index, b.End.Index)).ToList();
        var bonded = new HashSet<(int, int)>(bonds.Select(b => (Math.Min(b.Item1, b.Item2), Math.Max(b.Item1, b.Item2))));
        for (int iter = 0; iter < Iterations; iter++)
        {
            bool moved = false;
            for (int i = 0; i < atoms.Length; i++)
            {
                for (int j = i + 1; j < atoms.Length; j++)
                {
                    int a = atoms[i], b = atoms[j];
                    var d = pos[b] - pos[a];
                    double dist = d.Length;
                    if (dist >= Margin || bonded.Contains((Math.Min(a, b), Math.Max(a, b))))
                    {
                        continue;
                    }

                    var push = (dist < 1e-6 ? Point2.FromAngle(i + j) : d / dist) * ((Margin - dist) / 2 * 0.5);
                    pos[a] -= push;
                    pos[b] += push;
                    moved = true;
                }
            }

            if (!moved)
            {
                return;
            }

            foreach (var (a, b) in bonds)
            {
                var d = pos[b] - pos[a];
                double dist = Math.Max(d.Length, 1e-6);
                var pull = d / dist * ((dist - 1) / 2 * 0.5);
                pos[a] += pull;
                pos[b] -= pull;
            }
        }
    }
}
