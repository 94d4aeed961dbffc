using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Chemistry.Substruct;
using MedEdu.Compute.Tests;
using MedEdu.Testing;
using Xunit.Abstractions;

namespace MedEdu.Compute.Tests.Chemistry.Alerts;

/// <summary>PAINS and Brenk alerts against RDKit 2022.09's FilterCatalog on every bundled molecule, and the hydrogen merging PAINS relies on.</summary>
[LongRunning(50)]
public sealed class AlertCatalogTests(ITestOutputHelper output)
{
    [Fact]
    public void The_catalogs_hold_the_published_counts()
    {
        Assert.Equal(480, AlertCatalog.Of(AlertFamily.Pains).Count);
        Assert.Equal(105, AlertCatalog.Of(AlertFamily.Brenk).Count);
        Assert.Equal(["PAINS_A", "PAINS_B", "PAINS_C"], AlertCatalog.Of(AlertFamily.Pains).Select(a => a.Set).Distinct());
    }

    [Theory]
    [InlineData("[#6]-[#1]", "C", true)]
    [InlineData("[#6]-[#1]", "CC(C)(C)C", true)] // the methyls carry hydrogens
    [InlineData("[#6](-[#1])(-[#1])-[#1]", "CC(C)(C)C", true)]
    [InlineData("[#6;X4](-[#6])(-[#6])(-[#6])-[#1]", "CC(C)(C)C", false)] // the central carbon has none
    [InlineData("[#6;X4](-[#6])(-[#6])(-[#6])-[#1]", "CC(C)C", true)]
    [InlineData("[#8]-[#1]", "COC", false)]
    [InlineData("[#8]-[#1]", "CO", true)]
    [InlineData("[$([#7]-[#1])]", "CN(C)C", false)] // recursive SMARTS merge too
    [InlineData("[$([#7]-[#1])]", "CNC", true)]
    public void Explicit_hydrogens_become_hydrogen_counts(string smarts, string smiles, bool expected) =>
        Assert.Equal(expected, SmartsPattern.ParseMergingHydrogens(smarts).IsMatch(SmilesParser.Parse(smiles)));

    [Fact]
    public void A_named_pains_and_brenk_example_raise_their_alerts()
    {
        // An arylidene rhodanine, the textbook PAINS (Baell and Holloway's ene_rhod_A), and catechol (Brenk).
        var rhodanine = AlertCatalog.Find(SmilesParser.Parse("O=C1NC(=S)SC1=Cc1ccccc1"), [AlertFamily.Pains]);
        Assert.Contains(rhodanine, m => m.Alert.Name == "ene_rhod_A(235)");
        var catechol = AlertCatalog.Find(SmilesParser.Parse("Oc1ccccc1O"), [AlertFamily.Brenk]);
        var alert = Assert.Single(catechol, m => m.Alert.Name == "catechol");
        Assert.Equal(8, alert.Atoms.Length); // the six ring atoms and both oxygens of c1c([OH])c([OH,NH2,NH])ccc1
        Assert.Empty(AlertCatalog.Find(SmilesParser.Parse("CCO"), [AlertFamily.Pains, AlertFamily.Brenk]));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Whether_a_molecule_has_any_alert_agrees_with_rdkit_filter_catalog()
    {
        int compared = 0, painsAgree = 0, brenkAgree = 0, namesAgree = 0;
        var disagreements = new List<string>();
        foreach (var f in RdkitReferenceRow.Fields("rdkit_alerts.tsv.gz"))
        {
            if (f[3] != "1" || !SmilesParser.TryParse(f[2], out var molecule, out _))
            {
                continue;
            }

            compared++;
            var found = AlertCatalog.Find(molecule!, [AlertFamily.Pains, AlertFamily.Brenk]);
            var pains = found.Where(m => m.Alert.Family == AlertFamily.Pains).Select(m => m.Alert.Name).Order(StringComparer.Ordinal).ToList();
            var brenk = found.Where(m => m.Alert.Family == AlertFamily.Brenk).Select(m => m.Alert.Name).Order(StringComparer.Ordinal).ToList();
            bool p = (pains.Count > 0) == (int.Parse(f[4]) > 0);
            bool b = (brenk.Count > 0) == (int.Parse(f[5]) > 0);
            painsAgree += p ? 1 : 0;
            brenkAgree += b ? 1 : 0;
            namesAgree += string.Join(';', pains) == f[6] && string.Join(';', brenk) == f[7] ? 1 : 0;
            if ((!p || !b) && disagreements.Count < 40)
            {
                disagreements.Add($"{f[0]} row {f[1]} {f[2]}: RDKit [{f[6]}] [{f[7]}], MedEdu [{string.Join(';', pains)}] [{string.Join(';', brenk)}]");
            }
        }

        double painsShare = (double)painsAgree / compared, brenkShare = (double)brenkAgree / compared;
        output.WriteLine($"{compared} molecules: any PAINS agrees {painsShare:P2}, any Brenk {brenkShare:P2}, every alert name {(double)namesAgree / compared:P2}");
        disagreements.ForEach(output.WriteLine);
        Assert.True(compared > 13_000, $"only {compared} reference molecules compared");
        Assert.True(painsShare >= 0.995, $"any-PAINS agreement {painsShare:P2} < 99.5%");
        Assert.True(brenkShare >= 0.99, $"any-Brenk agreement {brenkShare:P2} < 99%");
        Assert.True(namesAgree >= 0.99 * compared, $"the same alert names for only {namesAgree} of {compared}");
    }
}
