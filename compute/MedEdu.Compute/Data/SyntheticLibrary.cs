using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Data;

/// <summary>A generated compound: SYNTHETIC in its id, a canonical SMILES, and its computed Crippen logP as the value.</summary>
public sealed record SyntheticCompound(string Id, string Smiles, double LogP);

/// <summary>
/// A seeded library of valid, distinct, drug-like-looking molecules for scale tests: real cores
/// (the bundled datasets' molecules) with one or two substituents attached by SMILES
/// concatenation (a prefix bonds to the core's first atom), every candidate parsed and sanitized
/// by the chemistry core and kept only when valid and new. Nothing here was measured: the value is
/// the computed Crippen logP, and every id says SYNTHETIC.
/// </summary>
public static class SyntheticLibrary
{
    /// <summary>Substituents, written so their last atom bonds to what follows.</summary>
    public static IReadOnlyList<string> Substituents { get; } =
    [
        "C", "CC", "CCC", "CC(C)", "CC(C)(C)", "C1CC1", "C1CCCC1", "C1CCCCC1", "c1ccccc1", "c1ccncc1", "c1ccoc1", "c1ccsc1",
        "O", "CO", "CCO", "N", "CN", "CN(C)", "CC(=O)", "CC(=O)N", "NC(=O)", "OC(=O)", "CS(=O)(=O)", "NS(=O)(=O)",
        "F", "Cl", "Br", "FC(F)(F)", "N#C", "C=C", "C#C", "O=C", "OCC", "COC", "C1CCOC1", "C1CCNCC1", "C1COCCN1",
    ];

    /// <summary>
    /// <paramref name="count"/> distinct compounds from <paramref name="cores"/> (SMILES; salts and
    /// invalid ones are skipped), the same for the same seed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cores cannot give that many distinct compounds.</exception>
    public static IEnumerable<SyntheticCompound> Generate(IEnumerable<string> cores, int count, int seed)
    {
        var usable = cores.Where(c => !c.Contains('.') && !c.StartsWith('[')).Distinct().Order(StringComparer.Ordinal).ToList();
        if (usable.Count == 0)
        {
            throw new InvalidOperationException("no usable cores (single molecules whose SMILES starts with a plain atom)");
        }

        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long attempts = 0;
        long limit = (long)count * 50;
        int made = 0;
        while (made < count)
        {
            if (++attempts > limit)
            {
                throw new InvalidOperationException($"only {made} distinct compounds after {limit} attempts: give more cores");
            }

            string core = usable[random.Next(usable.Count)];
            string first = Substituents[random.Next(Substituents.Count)];
            string candidate = random.Next(3) == 0 ? Substituents[random.Next(Substituents.Count)] + first + core : first + core;
            string canonical;
            double logP;
            try
            {
                var molecule = SmilesParser.Parse(candidate);
                canonical = SmilesWriter.Write(molecule);
                logP = Crippen.Compute(molecule).LogP;
            }
            catch (SmilesException)
            {
                continue;
            }

            if (seen.Add(canonical))
            {
                made++;
                yield return new SyntheticCompound($"SYNTHETIC-{made:D7}", canonical, Math.Round(logP, 3));
            }
        }
    }
}
