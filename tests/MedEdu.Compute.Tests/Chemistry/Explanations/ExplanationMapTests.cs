using System.Xml.Linq;
using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Explanations;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Tests.Chemistry.Explanations;

/// <summary>Similarity, contribution and alert maps, and how the depictor draws them.</summary>
public sealed class ExplanationMapTests
{
    private const string Aspirin = "CC(=O)Oc1ccccc1C(=O)O";

    [Fact]
    public void Logp_shares_are_rdkits_crippen_contributions_with_each_hydrogen_on_its_atom()
    {
        // RDKit 2022.09: rdMolDescriptors._CalcCrippenContribs(Chem.AddHs(aspirin)), hydrogens added to their heavy atom.
        double[] rdkit = [0.5131, -0.2783, -0.1526, -0.4195, 0.5437, 0.2811, 0.2811, 0.2811, 0.2811, 0.136, -0.2783, 0.1129, 0.0087];
        var shares = MedEdu.Compute.Chemistry.Descriptors.Crippen.AtomLogP(SmilesParser.Parse(Aspirin));
        Assert.Equal(rdkit.Length, shares.Length);
        for (int i = 0; i < rdkit.Length; i++)
        {
            Assert.Equal(rdkit[i], shares[i], 3);
        }

        Assert.Equal(1.3101, shares.Sum(), 3); // RDKit's MolLogP of aspirin
    }

    [Fact]
    public void Tpsa_map_marks_the_polar_atoms_with_rdkits_contributions()
    {
        // RDKit 2022.09 _CalcTPSAContribs(aspirin): O2 17.07, O3 9.23, O11 17.07, O12 20.23; 63.6 in all.
        var map = ContributionMap.Tpsa(SmilesParser.Parse(Aspirin));
        Assert.Equal([2, 3, 11, 12], map.Halos.Select(h => h.Atom));
        Assert.Contains("63.6", map.Legend[0].Label);
        Assert.True(map.Halos.Single(h => h.Atom == 12).Size > map.Halos.Single(h => h.Atom == 3).Size);
    }

    [Fact]
    public void A_molecule_shares_every_environment_with_itself_and_none_with_an_unrelated_one()
    {
        var aspirin = SmilesParser.Parse(Aspirin);
        Assert.All(SimilarityMap.Compare(aspirin, SmilesParser.Parse(Aspirin)), v => Assert.Equal(SharedEnvironment.Shared, v));
        Assert.All(SimilarityMap.Compare(aspirin, SmilesParser.Parse("ClC(Cl)Cl")), v => Assert.Equal(SharedEnvironment.OnlyHere, v));

        // Salicylic acid is aspirin without the acetyl: the ring and acid are shared, the acetyl methyl is not.
        var verdicts = SimilarityMap.Compare(aspirin, SmilesParser.Parse("Oc1ccccc1C(=O)O"));
        Assert.Equal(SharedEnvironment.OnlyHere, verdicts[0]);
        Assert.Equal(SharedEnvironment.Shared, verdicts[7]); // a ring CH far from the ester
        Assert.Equal(SharedEnvironment.Shared, verdicts[12]); // the acid OH
    }

    [Fact]
    public void A_highlighted_drawing_has_a_halo_per_atom_and_its_legend()
    {
        var molecule = SmilesParser.Parse(Aspirin);
        string svg = SvgDepictor.Draw(molecule, new DepictionOptions { Highlight = SimilarityMap.Highlight(molecule, SmilesParser.Parse("Oc1ccccc1C(=O)O"), "salicylic acid") });
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(13, doc.Descendants(ns + "circle").Count(c => (string?)c.Attribute("class") == "highlight"));
        var legend = doc.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["environment shared with salicylic acid", "partly shared (smaller environment)", "only in this molecule"], legend.Elements(ns + "text").Select(t => t.Value));

        // Halos sit under the bonds; the legend lies below every atom.
        var elements = doc.Root!.Elements().Select(e => (string?)e.Attribute("class")).ToList();
        Assert.True(elements.IndexOf("highlights") < elements.IndexOf("bonds"));
        double legendTop = legend.Elements(ns + "rect").Min(r => (double)r.Attribute("y")!);
        Assert.All(doc.Descendants(ns + "circle").Where(c => (string?)c.Attribute("class") == "highlight"), c => Assert.True((double)c.Attribute("cy")! < legendTop));
    }

    [Fact]
    public void An_alert_map_names_the_alert_and_highlights_its_atoms()
    {
        var molecule = SmilesParser.Parse("O=C1NC(=S)SC1=Cc1ccccc1");
        var map = AlertMap.Highlight(AlertCatalog.Find(molecule, [AlertFamily.Pains]));
        Assert.Equal("PAINS_A: ene_rhod_A(235)", Assert.Single(map.Legend).Label);
        Assert.Equal(HighlightColours.Vermillion, map.Halos[0].Colour);
        Assert.True(map.Halos.Count >= 8, "the rhodanine ring and its exocyclic double bond");
        Assert.Equal("no PAINS or Brenk alert", Assert.Single(AlertMap.Highlight([]).Legend).Label);
    }

    [Fact]
    public void The_highlight_is_part_of_the_cache_key()
    {
        var molecule = SmilesParser.Parse(Aspirin);
        var plain = new DepictionOptions();
        var logp = plain with { Highlight = ContributionMap.LogP(molecule) };
        var tpsa = plain with { Highlight = ContributionMap.Tpsa(molecule) };
        Assert.NotEqual(plain.CacheKey, logp.CacheKey);
        Assert.NotEqual(logp.CacheKey, tpsa.CacheKey);
        Assert.Equal(logp.CacheKey, (plain with { Highlight = ContributionMap.LogP(SmilesParser.Parse(Aspirin)) }).CacheKey);
    }
}
