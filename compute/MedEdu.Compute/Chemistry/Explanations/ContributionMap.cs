using System.Globalization;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Chemistry.Explanations;

/// <summary>
/// Contribution maps: each atom's share of a descriptor drawn as a halo whose size follows the
/// share: Wildman-Crippen logP (lipophilic atoms orange, hydrophilic blue) and TPSA (polar N and O
/// in sky blue). The shares sum to the descriptor, so the picture is the calculation.
/// </summary>
public static class ContributionMap
{
    /// <summary>The logP map; the legend gives the molecule's total.</summary>
    public static Highlighting LogP(Molecule molecule)
    {
        var shares = Crippen.AtomLogP(molecule);
        double largest = Math.Max(shares.Select(Math.Abs).DefaultIfEmpty(0).Max(), 1e-9);
        var halos = shares
            .Select((c, atom) => (c, atom))
            .Where(x => Math.Abs(x.c) >= 0.05)
            .Select(x => new AtomHalo(x.atom, x.c > 0 ? HighlightColours.Orange : HighlightColours.Blue, Size(x.c, largest)))
            .ToList();
        return new Highlighting(halos,
        [
            LegendEntry.Worded(HighlightColours.Orange, Phrase.Of("Legend.RaisesLogP")),
            LegendEntry.Worded(HighlightColours.Blue, Phrase.Of("Legend.LowersLogP")),
            LegendEntry.Worded("#ffffff", Phrase.Of("Legend.LogPSize", PhraseArg.Of(shares.Sum(), "F2"))),
        ]);
    }

    /// <summary>The TPSA map (N and O, as RDKit's default TPSA counts); the legend gives the total in Å².</summary>
    public static Highlighting Tpsa(Molecule molecule)
    {
        var shares = molecule.Atoms.Select(a => a.AtomicNumber is 7 or 8 ? Descriptors.Tpsa.Contribution(molecule, a) : 0).ToArray();
        double largest = Math.Max(shares.DefaultIfEmpty(0).Max(), 1e-9);
        var halos = shares
            .Select((c, atom) => (c, atom))
            .Where(x => x.c > 0)
            .Select(x => new AtomHalo(x.atom, HighlightColours.SkyBlue, Size(x.c, largest)))
            .ToList();
        return new Highlighting(halos,
        [
            LegendEntry.Worded(HighlightColours.SkyBlue, Phrase.Of("Legend.Tpsa", PhraseArg.Of(shares.Sum(), "F1"))),
        ]);
    }

    /// <summary>Halo size by area: the square root of the share relative to the largest, from 0.35 to 1.2.</summary>
    private static double Size(double share, double largest) => 0.35 + (0.85 * Math.Sqrt(Math.Abs(share) / largest));
}
