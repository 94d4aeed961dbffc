using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Fingerprints;

/// <summary>
/// Morgan (ECFP-like) fingerprints computed as RDKit's <c>GetMorganFingerprintAsBitVect(mol, radius, nBits)</c>
/// and <c>GetMorganFingerprint</c> do: connectivity invariants, one hashing round per radius,
/// and RDKit's rule that an environment already seen (same bond set) adds no new bit.
/// </summary>
public static class MorganFingerprint
{
    /// <summary>Default radius (ECFP4).</summary>
    public const int DefaultRadius = 2;

    /// <summary>Default fingerprint length.</summary>
    public const int DefaultBits = 2048;

    /// <summary>The folded bit vector, packed little-endian in <c>ulong</c> words (bit i is word i/64, bit i%64).</summary>
    public static ulong[] BitVector(Molecule molecule, int radius = DefaultRadius, int bits = DefaultBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 64);
        var words = new ulong[(bits + 63) / 64];
        Compute(molecule, radius, hash =>
        {
            uint bit = hash % (uint)bits;
            words[bit >> 6] |= 1UL << (int)(bit & 63);
        });
        return words;
    }

    /// <summary>The unfolded count form: feature hash to the number of times it occurs.</summary>
    public static Dictionary<uint, int> Counts(Molecule molecule, int radius = DefaultRadius)
    {
        var counts = new Dictionary<uint, int>();
        Compute(molecule, radius, hash => counts[hash] = counts.GetValueOrDefault(hash) + 1);
        return counts;
    }

    /// <summary>Counts folded into <paramref name="bits"/> bins (RDKit's GetHashedMorganFingerprint).</summary>
    public static int[] FoldedCounts(Molecule molecule, int radius = DefaultRadius, int bits = DefaultBits)
    {
        var counts = new int[bits];
        Compute(molecule, radius, hash => counts[hash % (uint)bits]++);
        return counts;
    }

    /// <summary>RDKit's connectivity invariant of each atom.</summary>
    public static uint[] AtomInvariants(Molecule molecule)
    {
        var rings = molecule.Rings;
        var invariants = new uint[molecule.Atoms.Count];
        Span<uint> components = stackalloc uint[6];
        foreach (var atom in molecule.Atoms)
        {
            components[0] = (uint)atom.AtomicNumber;
            components[1] = (uint)atom.TotalDegree;
            // RDKit counts hydrogen atoms kept in the graph (e.g. [2H]) as the neighbour's hydrogens too.
            components[2] = (uint)(atom.TotalHydrogens + atom.Neighbors.Count(n => n.AtomicNumber == 1));
            components[3] = (uint)atom.Charge;
            double standard = Elements.PeriodicTable.Get(atom.AtomicNumber).AverageMass;
            components[4] = (uint)(int)(atom.Mass - standard);
            int length = 5;
            if (rings.IsInRing(atom.Index))
            {
                components[5] = 1;
                length = 6;
            }

            invariants[atom.Index] = RdkitHash.Range(components[..length]);
        }

        return invariants;
    }

    /// <summary>
    /// Every environment the fingerprint counts, with the atom it is centred on and its radius (the
    /// same hashes as <see cref="Counts"/>): what lets a drawing show which atoms a bit comes from.
    /// </summary>
    public static List<MorganEnvironment> Environments(Molecule molecule, int radius = DefaultRadius)
    {
        var environments = new List<MorganEnvironment>();
        Compute(molecule, radius, (hash, atom, r) => environments.Add(new MorganEnvironment(hash, atom, r)));
        return environments;
    }

    private static void Compute(Molecule molecule, int radius, Action<uint> emit) => Compute(molecule, radius, (hash, _, _) => emit(hash));

    private static void Compute(Molecule molecule, int radius, Action<uint, int, int> emit)
    {
        int n = molecule.Atoms.Count;
        var invariants = AtomInvariants(molecule);
        for (int i = 0; i < n; i++)
        {
            emit(invariants[i], i, 0);
        }

        int words = Math.Max(1, (molecule.Bonds.Count + 63) / 64);
        var neighborhoods = new ulong[n][];
        for (int i = 0; i < n; i++)
        {
            neighborhoods[i] = new ulong[words];
        }

        var seen = new HashSet<BondSet>();
        var dead = new bool[n];
        var nbrs = new List<(int BondType, uint Invariant)>(8);
        for (int layer = 0; layer < radius; layer++)
        {
            var roundInvariants = new uint[n];
            var roundNeighborhoods = new ulong[n][];
            var thisRound = new List<(BondSet Set, uint Invariant, int Atom)>(n);
            for (int i = 0; i < n; i++)
            {
                roundNeighborhoods[i] = neighborhoods[i];
            }

            for (int a = 0; a < n; a++)
            {
                if (dead[a])
                {
                    continue;
                }

                var atom = molecule.Atoms[a];
                if (atom.Degree == 0)
                {
                    dead[a] = true;
                    continue;
                }

                var env = (ulong[])neighborhoods[a].Clone();
                nbrs.Clear();
                foreach (var bond in atom.Bonds)
                {
                    env[bond.Index >> 6] |= 1UL << (bond.Index & 63);
                    int other = bond.Other(atom).Index;
                    var otherEnv = neighborhoods[other];
                    for (int w = 0; w < words; w++)
                    {
                        env[w] |= otherEnv[w];
                    }

                    nbrs.Add(((int)bond.Order, invariants[other]));
                }

                nbrs.Sort();
                uint invar = RdkitHash.Combine((uint)layer, invariants[a]);
                foreach (var (bondType, inv) in nbrs)
                {
                    invar = RdkitHash.Combine(invar, RdkitHash.Pair((uint)bondType, inv));
                }

                roundInvariants[a] = invar;
                roundNeighborhoods[a] = env;
                var set = new BondSet(env);
                thisRound.Add((set, invar, a));
                if (seen.Contains(set))
                {
                    dead[a] = true;
                }
            }

            // Same environment reached by several atoms this round: only the smallest invariant counts.
            thisRound.Sort((x, y) =>
            {
                int c = x.Set.CompareTo(y.Set);
                if (c != 0)
                {
                    return c;
                }

                c = x.Invariant.CompareTo(y.Invariant);
                return c != 0 ? c : x.Atom.CompareTo(y.Atom);
            });
            foreach (var (set, invar, a) in thisRound)
            {
                if (seen.Add(set))
                {
                    emit(invar, a, layer + 1);
                }
                else
                {
                    dead[a] = true;
                }
            }

            invariants = roundInvariants;
            neighborhoods = roundNeighborhoods;
        }
    }

    /// <summary>A set of bond indices, compared by value.</summary>
    private readonly struct BondSet(ulong[] words) : IEquatable<BondSet>, IComparable<BondSet>
    {
        private readonly ulong[] _words = words;

        public bool Equals(BondSet other) => _words.AsSpan().SequenceEqual(other._words);

        public override bool Equals(object? obj) => obj is BondSet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (ulong w in _words)
            {
                hash.Add(w);
            }

            return hash.ToHashCode();
        }

        public int CompareTo(BondSet other)
        {
            // Boost's dynamic_bitset order: as big integers, most significant block first.
            for (int w = _words.Length - 1; w >= 0; w--)
            {
                int c = _words[w].CompareTo(other._words[w]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}

/// <summary>One Morgan environment: its hash (unfolded), the atom it is centred on and its radius in bonds.</summary>
/// <param name="Hash">The environment's 32-bit identifier (fold it modulo the length for a bit).</param>
/// <param name="Atom">The centre atom's index.</param>
/// <param name="Radius">0 for the atom alone, up to the fingerprint's radius.</param>
public readonly record struct MorganEnvironment(uint Hash, int Atom, int Radius);
