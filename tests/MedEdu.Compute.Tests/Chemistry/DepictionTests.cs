using System.Xml.Linq;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Testing;
using Xunit.Abstractions;

namespace MedEdu.Compute.Tests.Chemistry;

[LongRunning(20)]
public sealed class DepictionTests(ITestOutputHelper output)
{
    /// <summary>Two atoms drawn closer than this many bond lengths would read as one.</summary>
    private const double MinimumAtomDistance = 0.5;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData("esol")]
    [InlineData("freesolv")]
    [InlineData("bbbp")]
    public void EveryMoleculeIsDrawnWithoutOverlappingAtomsAndWithOneLabelPerHeteroatom(string dataset)
    {
        var rows = RdkitReferenceRow.All.Where(r => r.Dataset == dataset).ToList();
        Assert.NotEmpty(rows);
        var failures = new List<string>();
        var worst = (Distance: double.MaxValue, Smiles: "");
        foreach (var row in rows)
        {
            var molecule = SmilesParser.Parse(row.Smiles);
            var xy = CoordinateGenerator.Compute(molecule);
            double min = MinimumDistance(xy);
            if (min < worst.Distance)
            {
                worst = (min, row.Smiles);
            }

            if (min < MinimumAtomDistance)
            {
                failures.Add($"row {row.Row} {row.Smiles}: atoms {min:F2} bond lengths apart");
            }

            foreach (var bond in molecule.Bonds)
            {
                double length = Point2.Distance(xy[bond.Begin.Index], xy[bond.End.Index]);
                if (length is < 0.5 or > 2.0)
                {
                    failures.Add($"row {row.Row} {row.Smiles}: bond {bond} drawn {length:F2} long");
                }
            }

            var svg = XDocument.Parse(SvgDepictor.Draw(molecule));
            var labels = svg.Descendants(Svg + "text").Where(t => ((string?)t.Attribute("class"))?.Contains("heteroatom") == true).ToList();
            int heteroatoms = molecule.Atoms.Count(a => a.AtomicNumber is not (1 or 6));
            if (labels.Count != heteroatoms)
            {
                failures.Add($"row {row.Row} {row.Smiles}: {labels.Count} labels for {heteroatoms} heteroatoms");
            }
        }

        output.WriteLine($"{rows.Count} molecules; closest pair of atoms {worst.Distance:F3} bond lengths ({worst.Smiles})");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void BenzeneIsARegularHexagonOfUnitBonds()
    {
        var molecule = SmilesParser.Parse("c1ccccc1");
        var xy = CoordinateGenerator.Compute(molecule);
        var centre = Point2.Centroid(xy);
        foreach (var bond in molecule.Bonds)
        {
            Assert.Equal(1.0, Point2.Distance(xy[bond.Begin.Index], xy[bond.End.Index]), 6);
        }

        // Circumradius of a regular hexagon equals its side.
        Assert.All(xy, p => Assert.Equal(1.0, Point2.Distance(p, centre), 6));
    }

    [Fact]
    public void NaphthaleneIsTwoHexagonsSharingABond()
    {
        var molecule = SmilesParser.Parse("c1ccc2ccccc2c1");
        var xy = CoordinateGenerator.Compute(molecule);
        foreach (var bond in molecule.Bonds)
        {
            Assert.Equal(1.0, Point2.Distance(xy[bond.Begin.Index], xy[bond.End.Index]), 6);
        }

        // The two ring centres are √3 apart (twice the apothem of a unit hexagon).
        var rings = molecule.Rings.AtomRings;
        var c0 = Point2.Centroid(rings[0].Select(i => xy[i]));
        var c1 = Point2.Centroid(rings[1].Select(i => xy[i]));
        Assert.Equal(Math.Sqrt(3), Point2.Distance(c0, c1), 6);
    }

    [Fact]
    public void ChainsZigzagAt120DegreesAndTripleBondsAreStraight()
    {
        var heptane = SmilesParser.Parse("CCCCCCC");
        var xy = CoordinateGenerator.Compute(heptane);
        for (int i = 1; i < 6; i++)
        {
            Assert.Equal(120, AngleDegrees(xy[i - 1], xy[i], xy[i + 1]), 3);
        }

        // Zigzag, not a curl: the ends of six bonds are 6 × cos 30° apart.
        Assert.Equal(6 * Math.Sqrt(3) / 2, Point2.Distance(xy[0], xy[6]), 6);

        var butyne = SmilesParser.Parse("CC#CC");
        var yz = CoordinateGenerator.Compute(butyne);
        Assert.Equal(180, AngleDegrees(yz[0], yz[1], yz[2]), 3);
        Assert.Equal(180, AngleDegrees(yz[1], yz[2], yz[3]), 3);
    }

    [Fact]
    public void ARingSubstituentLeavesAlongTheOuterBisector()
    {
        var toluene = SmilesParser.Parse("Cc1ccccc1");
        var xy = CoordinateGenerator.Compute(toluene);
        // Methyl (atom 0) on ring atom 1, whose ring neighbours are 2 and 6: equal angles of 120°.
        Assert.Equal(120, AngleDegrees(xy[0], xy[1], xy[2]), 3);
        Assert.Equal(120, AngleDegrees(xy[0], xy[1], xy[6]), 3);
    }

    [Fact]
    public void BiphenylRingsAreJoinedAlongBothBisectors()
    {
        var molecule = SmilesParser.Parse("c1ccccc1-c1ccccc1");
        var xy = CoordinateGenerator.Compute(molecule);
        // The inter-ring bond 5-6: each end makes 120° with its ring neighbours.
        Assert.Equal(120, AngleDegrees(xy[6], xy[5], xy[0]), 3);
        Assert.Equal(120, AngleDegrees(xy[5], xy[6], xy[7]), 3);
        Assert.Equal(1.0, Point2.Distance(xy[5], xy[6]), 6);
    }

    [Theory]
    [InlineData("C12C3C4C1C5C2C3C45", "cubane")]
    [InlineData("C1CC2CCC1C2", "norbornane")]
    [InlineData("C1C2CC3CC1CC(C2)C3", "adamantane")]
    [InlineData("C1CCC2(CC1)CCCC2", "spiro[4.5]decane")]
    [InlineData("C1CCCCCCCCCCC1", "cyclododecane")]
    [InlineData("CC(C)(C)C(C)(C)C(C)(C)C", "crowded chain")]
    public void CagesSpirosMacrocyclesAndCrowdedChainsKeepAtomsApart(string smiles, string name)
    {
        var xy = CoordinateGenerator.Compute(SmilesParser.Parse(smiles));
        Assert.True(MinimumDistance(xy) >= MinimumAtomDistance, $"{name}: {MinimumDistance(xy):F2}");
    }

    [Fact]
    public void SeparateComponentsAreSetSideBySide()
    {
        var molecule = SmilesParser.Parse("[Na+].[O-]C(=O)c1ccccc1");
        var xy = CoordinateGenerator.Compute(molecule);
        Assert.True(xy.Skip(1).All(p => p.X > xy[0].X + 1), "the sodium ion is left of the benzoate, apart from it");
    }

    [Fact]
    public void KekuleDrawingHasThreeDoubleBondsInBenzeneAndCirclesDrawingHasOneCircle()
    {
        var kekule = XDocument.Parse(SvgDepictor.Depict("c1ccccc1"));
        Assert.Equal(6, kekule.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "bond double"));
        Assert.Equal(3, kekule.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "bond single"));

        var circles = XDocument.Parse(SvgDepictor.Depict("c1ccccc1", new DepictionOptions { Aromatic = AromaticStyle.Circles }));
        Assert.Single(circles.Descendants(Svg + "circle"));
        Assert.Equal(6, circles.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "bond single"));
    }

    [Fact]
    public void DepictionDoesNotChangeTheMolecule()
    {
        var molecule = SmilesParser.Parse("c1ccc2[nH]ccc2c1");
        string before = SmilesWriter.Write(molecule);
        SvgDepictor.Draw(molecule);
        Assert.Equal(before, SmilesWriter.Write(molecule));
        Assert.All(molecule.Bonds.Where(b => b.IsAromatic), b => Assert.Equal(BondOrder.Aromatic, b.Order));
    }

    [Theory]
    [InlineData("CCO", "OH")]
    [InlineData("OCC", "HO")]
    [InlineData("CC(=O)[O-]", "O−")]
    [InlineData("C[NH3+]", "NH3+")]
    [InlineData("[13CH4]", "13CH4")]
    [InlineData("c1ccc2[nH]ccc2c1", "NH")]
    public void LabelsCarryHydrogensChargesAndIsotopes(string smiles, string label)
    {
        var svg = XDocument.Parse(SvgDepictor.Depict(smiles));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(label, texts);
    }

    [Fact]
    public void TheImageIsAccessibleAndColoursElements()
    {
        var svg = XDocument.Parse(SvgDepictor.Depict("OC(=O)c1ccccc1Cl", new DepictionOptions { Title = "2-chlorobenzoic acid" }));
        var root = svg.Root!;
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("2-chlorobenzoic acid", root.Element(Svg + "title")!.Value);
        var chlorine = svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("data-element") == "Cl");
        Assert.Equal(ElementColors.Of(17), (string?)chlorine.Attribute("fill"));
        Assert.NotEqual(ElementColors.Of(6), ElementColors.Of(17));
    }

    [Fact]
    public void FitsARequestedSize()
    {
        var svg = XDocument.Parse(SvgDepictor.Depict("CCCCCCCCCCCCCCCCCCCC", new DepictionOptions { Width = 200, Height = 120 }));
        Assert.Equal("200", (string?)svg.Root!.Attribute("width"));
        Assert.All(svg.Descendants(Svg + "line"), l =>
        {
            foreach (var a in new[] { "x1", "x2" })
            {
                double x = double.Parse((string)l.Attribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(x, 0, 200);
            }
        });
    }

    private static double MinimumDistance(Point2[] xy) => Point2.ClosestPair(xy);

    private static double AngleDegrees(Point2 a, Point2 vertex, Point2 b)
    {
        var u = (a - vertex).Unit;
        var v = (b - vertex).Unit;
        return Math.Acos(Math.Clamp(Point2.Dot(u, v), -1, 1)) * 180 / Math.PI;
    }
}
