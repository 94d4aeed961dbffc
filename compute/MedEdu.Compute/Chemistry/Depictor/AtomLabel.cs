using System.Globalization;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>The text drawn at an atom: its symbol with hydrogens, isotope and charge; carbons stay bare in skeletal drawings.</summary>
/// <param name="Symbol">Element symbol.</param>
/// <param name="Hydrogens">Attached hydrogens shown (0 for none).</param>
/// <param name="HydrogensLeft">Write the hydrogens before the symbol (HO–, H2N–) because the bonds leave to the right.</param>
/// <param name="Isotope">Mass number, or 0.</param>
/// <param name="Charge">Formal charge.</param>
public sealed record AtomLabel(string Symbol, int Hydrogens, bool HydrogensLeft, int Isotope, int Charge)
{
    /// <summary>Whether the atom is labelled at all: any heteroatom, and carbons that are charged, labelled, radical or alone.</summary>
    public static bool IsShown(Atom atom) =>
        atom.AtomicNumber != 6 || atom.Charge != 0 || atom.Isotope != 0 || atom.Degree == 0 || atom.RadicalElectrons != 0;

    /// <summary>The label of <paramref name="atom"/> at <paramref name="position"/> given where its neighbours are.</summary>
    public static AtomLabel For(Atom atom, Point2 position, IReadOnlyList<Point2> neighbourPositions)
    {
        double dx = neighbourPositions.Sum(p => p.X - position.X);
        bool left = neighbourPositions.Count > 0 && dx > 0.1;
        return new AtomLabel(atom.Symbol, atom.TotalHydrogens, left, atom.Isotope, atom.Charge);
    }

    /// <summary>The charge as written after the symbol: "+", "2−", or empty.</summary>
    public string ChargeText => Charge switch
    {
        0 => "",
        1 => "+",
        -1 => "\u2212",
        > 0 => Charge.ToString(CultureInfo.InvariantCulture) + "+",
        _ => (-Charge).ToString(CultureInfo.InvariantCulture) + "\u2212",
    };

    /// <summary>The label as plain text, e.g. "OH", "H2N", "NH3+".</summary>
    public override string ToString()
    {
        string h = Hydrogens switch { 0 => "", 1 => "H", _ => "H" + Hydrogens.ToString(CultureInfo.InvariantCulture) };
        string iso = Isotope == 0 ? "" : Isotope.ToString(CultureInfo.InvariantCulture);
        return HydrogensLeft ? h + iso + Symbol + ChargeText : iso + Symbol + h + ChargeText;
    }
}
