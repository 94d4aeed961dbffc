using System.Globalization;
using System.Text;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Data;
using Xunit.Abstractions;

namespace MedEdu.Compute.Tests.Chemistry;

/// <summary>Descriptors against the RDKit-computed columns published with AqSolDB (9,982 compounds).</summary>
public sealed class DescriptorReferenceTests(ITestOutputHelper output)
{
    private static readonly (string Column, Func<DescriptorSet, double> Value, double Tolerance)[] Columns =
    [
        ("MolWt", d => d.MolWt, 0.01),
        ("MolLogP", d => d.MolLogP, 0.01),
        ("MolMR", d => d.MolMR, 0.01),
        ("TPSA", d => d.TPSA, 0.01),
        ("HeavyAtomCount", d => d.HeavyAtomCount, 0),
        ("NumHAcceptors", d => d.NumHAcceptors, 0),
        ("NumHDonors", d => d.NumHDonors, 0),
        ("NumHeteroatoms", d => d.NumHeteroatoms, 0),
        ("NumRotatableBonds", d => d.NumRotatableBonds, 0),
        ("NumValenceElectrons", d => d.NumValenceElectrons, 0),
        ("NumAromaticRings", d => d.NumAromaticRings, 0),
        ("NumSaturatedRings", d => d.NumSaturatedRings, 0),
        ("NumAliphaticRings", d => d.NumAliphaticRings, 0),
        ("RingCount", d => d.RingCount, 0),
    ];

    [Fact]
    public void EveryColumnMatchesAqSolDbsRdkitValuesOnAtLeast99Point5Percent()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.DatasetsFolder, "aqsoldb.csv"));
        var records = CsvRecordSplitter.Split(bytes);
        Assert.True(CsvFieldParser.TryParse(bytes.AsSpan(records[0].Offset, records[0].Length), out var header, out _));
        int smilesColumn = Array.IndexOf(header, "SMILES");
        var indexes = Columns.Select(c => Array.IndexOf(header, c.Column)).ToArray();
        var matches = new int[Columns.Length];
        var misses = Columns.Select(_ => new List<string>()).ToArray();
        int total = 0;
        foreach (var record in records.Skip(1))
        {
            Assert.True(CsvFieldParser.TryParse(bytes.AsSpan(record.Offset, record.Length), out var fields, out _));
            total++;
            var molecule = SmilesParser.Parse(fields[smilesColumn]);
            var d = DescriptorSet.Compute(molecule);
            for (int c = 0; c < Columns.Length; c++)
            {
                double expected = double.Parse(fields[indexes[c]], CultureInfo.InvariantCulture);
                double actual = Columns[c].Value(d);
                if (Math.Abs(actual - expected) <= Columns[c].Tolerance + 1e-9)
                {
                    matches[c]++;
                }
                else if (misses[c].Count < 5)
                {
                    misses[c].Add($"{fields[smilesColumn]}: {actual} vs {expected}");
                }
            }
        }

        var report = new StringBuilder();
        for (int c = 0; c < Columns.Length; c++)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{Columns[c].Column}: {matches[c]}/{total} ({100.0 * matches[c] / total:F2}%)");
            foreach (var miss in misses[c])
            {
                report.AppendLine("    " + miss);
            }
        }

        output.WriteLine(report.ToString());
        for (int c = 0; c < Columns.Length; c++)
        {
            Assert.True(matches[c] >= 0.995 * total, report.ToString());
        }
    }
}
