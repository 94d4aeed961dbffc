using System.Xml.Linq;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;
using Xunit.Abstractions;

namespace MedEdu.Compute.Tests.Chemistry;

/// <summary>
/// Drawings show the stereochemistry the SMILES wrote. Read back from the drawing (the wedged
/// neighbour out of the plane, the implicit hydrogen opposite the rest), every stereocentre has the
/// R/S label RDKit gives it, and every marked double bond RDKit's E/Z label
/// (tests/reference/rdkit_cip_centres.tsv.gz, from make_rdkit_stereo_reference.py).
/// </summary>
public sealed class StereoDrawingTests(ITestOutputHelper output)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("bbbp")]
    [InlineData("aqsoldb")]
    public void TheDrawnWedgesGiveEveryStereocentreRdkitsCipLabel(string dataset)
    {
        var rows = Reference().Where(r => r.Dataset == dataset && r.Centres.Count > 0).ToList();
        Assert.NotEmpty(rows);
        int centres = 0, drawn = 0;
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var molecule = SmilesParser.Parse(row.Smiles);
            var xy = CoordinateGenerator.Compute(molecule);
            var wedges = StereoWedges.Assign(molecule, xy);
            Assert.Equal(wedges.Count, wedges.Select(w => w.Bond).Distinct().Count());
            foreach (var (atom, label, ranked) in row.Centres)
            {
                centres++;
                int k = wedges.FindIndex(w => w.Centre == atom);
                if (k < 0)
                {
                    continue;
                }

                drawn++;
                string seen = LabelFromDrawing(molecule, xy, wedges[k], ranked);
                if (seen != label)
                {
                    wrong.Add($"row {row.Row} atom {atom}: drawn {seen}, RDKit {label} ({row.Smiles})");
                }
            }
        }

        output.WriteLine($"{dataset}: {drawn} of {centres} centres wedged, {wrong.Count} wrong");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        Assert.True(drawn >= centres * 0.99, $"only {drawn} of {centres} centres got a wedge");
    }

    [Theory]
    [InlineData("esol")]
    [InlineData("freesolv")]
    [InlineData("bbbp")]
    [InlineData("aqsoldb")]
    public void EveryMarkedDoubleBondOutsideRingsIsDrawnWithRdkitsEOrZ(string dataset)
    {
        var rows = Reference().Where(r => r.Dataset == dataset && r.DoubleBonds.Count > 0).ToList();
        int bonds = 0, inRings = 0;
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var molecule = SmilesParser.Parse(row.Smiles);
            var xy = CoordinateGenerator.Compute(molecule);
            foreach (var (begin, end, label, first, second) in row.DoubleBonds)
            {
                // A ring double bond keeps its ring's shape (macrocycles' trans bonds are not drawn as such).
                if (molecule.Rings.IsBondInRing(molecule.BondBetween(molecule.Atoms[begin], molecule.Atoms[end])!.Index))
                {
                    inRings++;
                    continue;
                }

                bonds++;
                var axis = xy[end] - xy[begin];
                bool sameSide = Math.Sign(Point2.Cross(axis, xy[first] - xy[begin])) == Math.Sign(Point2.Cross(axis, xy[second] - xy[begin]));
                string seen = sameSide ? "Z" : "E";
                if (seen != label)
                {
                    wrong.Add($"row {row.Row} bond {begin}={end}: drawn {seen}, RDKit {label} ({row.Smiles})");
                }
            }
        }

        output.WriteLine($"{dataset}: {bonds} marked double bonds outside rings, {wrong.Count} drawn wrong; {inRings} in rings not checked");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }

    [Theory]
    [InlineData("N[C@@H](C)C(=O)O", "S")] // L-alanine
    [InlineData("N[C@H](C)C(=O)O", "R")] // D-alanine
    [InlineData("OC[C@@H](O)C=O", "R")] // D-glyceraldehyde
    [InlineData("[H][C@@](N)(C)C(=O)O", "R")] // the hydrogen written first turns the order round: D-alanine
    [InlineData("C[C@H]1CCCC[C@@H]1O", "S")] // ring closure at the centre: the digit counts where it is written
    [InlineData("CC1=CN=C(C(=C1OC)C)C[S@](=O)C2=NC3=C(N2)C=C(C=C3)OC", "S")] // esomeprazole, PubChem CID 9568614: the lone pair is the fourth neighbour
    [InlineData("C[S@@](=O)c1ccccc1", "R")]
    [InlineData("O=[S@](C)CC", "R")]
    [InlineData("[S@](=O)(C)CC", "R")] // written first: the lone pair still counts last
    [InlineData("CC[S@](C)=O", "S")]
    public void TextbookCentresAreDrawnWithTheirPublishedConfiguration(string smiles, string firstCentre)
    {
        var molecule = SmilesParser.Parse(smiles);
        var xy = CoordinateGenerator.Compute(molecule);
        var wedge = StereoWedges.Assign(molecule, xy)[0];
        var centre = molecule.Atoms[wedge.Centre];
        // CIP priorities by hand for these small molecules: heavier neighbour first, hydrogen last.
        var ranked = centre.Neighbors.OrderByDescending(Priority).Select(n => n.Index).Append(-1).Take(4).ToArray();
        Assert.Equal(firstCentre, LabelFromDrawing(molecule, xy, wedge, ranked));

        int Priority(Atom n) => (n.AtomicNumber * 1000) + n.Neighbors.Sum(x => x.AtomicNumber * 10) + n.Bonds.Sum(b => b.Order == BondOrder.Double ? 8 : 0);
    }

    [Fact]
    public void TheSvgHasOneWedgeOrHashPerCentreAndPlainLinesOtherwise()
    {
        // Two centres in a ring and one in the side chain.
        string smiles = "C[C@@H]1CC[C@H](C(C)=C)C[C@@H]1O";
        var svg = XDocument.Parse(SvgDepictor.Depict(smiles));
        var wedges = svg.Descendants(Svg + "polygon").Where(p => p.Attribute("class")?.Value == "bond wedge").ToList();
        var hashes = svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "bond hash").ToList();
        Assert.Equal(3, wedges.Count + hashes.Count);
        Assert.Equal(["1", "4", "9"], wedges.Concat(hashes).Select(e => e.Attribute("data-centre")!.Value).Order());
        Assert.All(hashes, h => Assert.Equal(7, h.Elements(Svg + "line").Count()));

        // Without marks there is nothing to wedge.
        var flat = XDocument.Parse(SvgDepictor.Depict("CC1CCC(C(C)=C)CC1O"));
        Assert.Empty(flat.Descendants(Svg + "polygon"));
    }

    [Fact]
    public void MarksThatAreNotTetrahedralCentresGetNoWedge()
    {
        // Two hydrogens, or a mark on an sp2 atom in a ring with no single bond to spare.
        foreach (string smiles in new[] { "[C@H2](F)Cl", "c1cc[c@H]cc1" })
        {
            var molecule = SmilesParser.Parse(smiles);
            Assert.Empty(StereoWedges.Assign(molecule, CoordinateGenerator.Compute(molecule)));
        }
    }

    /// <summary>
    /// R or S as a reader of the drawing sees it: the wedged neighbour lifted towards the viewer (hash:
    /// away), the others in the plane, an implicit hydrogen opposite them; with the lowest-ranked
    /// neighbour d pointing away, a → b → c clockwise is R, i.e. det(a − d, b − d, c − d) &lt; 0.
    /// </summary>
    private static string LabelFromDrawing(Molecule molecule, Point2[] xy, StereoBond wedge, int[] ranked)
    {
        var centre = molecule.Atoms[wedge.Centre];
        int lifted = molecule.Bonds[wedge.Bond].Other(centre).Index;
        var v = new (double X, double Y, double Z)[4];
        (double X, double Y, double Z) sum = (0, 0, 0);
        for (int i = 0; i < 4; i++)
        {
            if (ranked[i] < 0)
            {
                continue;
            }

            var d = (xy[ranked[i]] - xy[centre.Index]).Unit;
            double z = ranked[i] == lifted ? (wedge.Kind == WedgeKind.Wedge ? 1 : -1) : 0;
            v[i] = (d.X, d.Y, z);
            sum = (sum.X + d.X, sum.Y + d.Y, sum.Z + z);
        }

        int h = Array.IndexOf(ranked, -1);
        if (h >= 0)
        {
            v[h] = (-sum.X, -sum.Y, -sum.Z);
        }

        var (a, b, c) = (Minus(v[0], v[3]), Minus(v[1], v[3]), Minus(v[2], v[3]));
        double det = (a.X * ((b.Y * c.Z) - (b.Z * c.Y))) - (a.Y * ((b.X * c.Z) - (b.Z * c.X))) + (a.Z * ((b.X * c.Y) - (b.Y * c.X)));
        return det < 0 ? "R" : "S";

        static (double X, double Y, double Z) Minus((double X, double Y, double Z) p, (double X, double Y, double Z) q) => (p.X - q.X, p.Y - q.Y, p.Z - q.Z);
    }

    private sealed record CentreRow(string Dataset, int Row, string Smiles, List<(int Atom, string Label, int[] Ranked)> Centres,
        List<(int Begin, int End, string Label, int First, int Second)> DoubleBonds);

    private static readonly Lazy<List<CentreRow>> Rows = new(() => RdkitReferenceRow.Fields("rdkit_cip_centres.tsv.gz").Select(f =>
    {
        var centres = f[3].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split(':'))
            .Select(p => (int.Parse(p[0]), p[1], p[2].Split(',').Select(int.Parse).ToArray())).ToList();
        var doubles = f[4].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Split(':'))
            .Select(p => (Ends: p[0].Split('-').Select(int.Parse).ToArray(), Label: p[1], Atoms: p[2].Split(',').Select(int.Parse).ToArray()))
            .Select(d => (d.Ends[0], d.Ends[1], d.Label, d.Atoms[0], d.Atoms[1])).ToList();
        return new CentreRow(f[0], int.Parse(f[1]), f[2], centres, doubles);
    }).ToList());

    private static List<CentreRow> Reference() => Rows.Value;
}
