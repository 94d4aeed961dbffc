using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Tests.Chemistry;

public sealed class SmilesRoundTripTests
{
    public static TheoryData<string> Datasets => new() { "esol", "freesolv", "bbbp", "aqsoldb" };

    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(Datasets))]
    public void EveryRowParsesAndCanonicalSmilesRoundTrips(string dataset)
    {
        var failures = new List<string>();
        var rows = RdkitReferenceRow.All.Where(r => r.Dataset == dataset).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            if (!SmilesParser.TryParse(row.Smiles, out var molecule, out var error))
            {
                failures.Add($"row {row.Row} {row.Smiles}: {error!.Message}");
                continue;
            }

            Assert.Equal(row.HeavyAtoms, molecule!.Atoms.Count(a => a.AtomicNumber > 1 || a.Isotope > 0 || a.Charge != 0 || a.Degree != 1));
            string canonical = SmilesWriter.Write(molecule);
            var again = SmilesParser.Parse(canonical);
            string second = SmilesWriter.Write(again);
            if (canonical != second)
            {
                failures.Add($"row {row.Row} {row.Smiles}: {canonical} then {second}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("OCC3OC(OCC2OC(OC(C#N)c1ccccc1)C(O)C(O)C2O)C(O)C(O)C3O")]
    [InlineData("Cn1c(=O)n(C)c2nc[nH]c2c1=O")]
    [InlineData("CC(C)NCC(O)COC1:C:C:C:C2:C:C:C:C:C:1:2.[Cl]")]
    [InlineData("C1CC2CCC1CC2")]
    [InlineData("O=[N+]([O-])c1ccc(cc1)S(=O)(=O)N")]
    public void CanonicalSmilesDoesNotDependOnAtomOrder(string smiles)
    {
        var molecule = SmilesParser.Parse(smiles);
        string expected = SmilesWriter.Write(molecule);
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var shuffled = Permute(molecule, random);
            Assert.Equal(expected, SmilesWriter.Write(shuffled));
        }
    }

    [Theory]
    [InlineData("c1ccccc1", "c1ccccc1")]
    [InlineData("C1=CC=CC=C1", "c1ccccc1")]
    [InlineData("C1:C:C:C:C:C:1", "c1ccccc1")]
    [InlineData("OCC", "CCO")]
    [InlineData("[NH4+].[Cl-]", "[NH4+].[Cl-]")]
    [InlineData("c1cc[nH]c1", "c1ccc[nH]1")]
    [InlineData("CN(=O)=O", "C[N+]([O-])=O")]
    public void KnownMoleculesGetTheExpectedCanonicalForm(string input, string expected) =>
        Assert.Equal(expected, SmilesWriter.Write(SmilesParser.Parse(input)));

    private static Molecule Permute(Molecule source, Random random)
    {
        var order = Enumerable.Range(0, source.Atoms.Count).OrderBy(_ => random.Next()).ToArray();
        var copy = new Molecule();
        var map = new Atom[source.Atoms.Count];
        foreach (int i in order)
        {
            var a = source.Atoms[i];
            var c = copy.AddAtom(a.AtomicNumber);
            c.Charge = a.Charge;
            c.Isotope = a.Isotope;
            c.IsAromatic = a.IsAromatic;
            c.NoImplicit = true;
            c.ExplicitHydrogens = a.TotalHydrogens;
            map[i] = c;
        }

        foreach (var b in source.Bonds.OrderBy(_ => random.Next()))
        {
            var nb = random.Next(2) == 0
                ? copy.AddBond(map[b.Begin.Index], map[b.End.Index], b.Order)
                : copy.AddBond(map[b.End.Index], map[b.Begin.Index], b.Order);
            nb.IsAromatic = b.IsAromatic;
        }

        return copy;
    }
}
