using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Chemistry.Explanations;

/// <summary>How much of an atom's Morgan neighbourhood the other molecule also has.</summary>
public enum SharedEnvironment
{
    /// <summary>Even its one-bond neighbourhood is missing from the other molecule.</summary>
    OnlyHere,

    /// <summary>A smaller neighbourhood is shared, its largest is not.</summary>
    Partly,

    /// <summary>Its largest neighbourhood (up to two bonds) is in the other molecule too.</summary>
    Shared,
}

/// <summary>
/// A similarity map: each atom of a molecule coloured by whether the Morgan environments centred on
/// it (the substructures behind the fingerprint bits) occur in the query as well. Tanimoto
/// similarity counts exactly these shared environments, so the picture shows where the score
/// comes from.
/// </summary>
public static class SimilarityMap
{
    /// <summary>Each atom's verdict, compared by unfolded environment hashes (no folding collisions).</summary>
    public static SharedEnvironment[] Compare(Molecule molecule, Molecule query, int radius = MorganFingerprint.DefaultRadius)
    {
        var inQuery = MorganFingerprint.Environments(query, radius).Select(e => e.Hash).ToHashSet();
        var largest = new int[molecule.Atoms.Count];
        var largestShared = new int[molecule.Atoms.Count];
        Array.Fill(largestShared, -1);
        foreach (var e in MorganFingerprint.Environments(molecule, radius))
        {
            largest[e.Atom] = Math.Max(largest[e.Atom], e.Radius);
            if (inQuery.Contains(e.Hash))
            {
                largestShared[e.Atom] = Math.Max(largestShared[e.Atom], e.Radius);
            }
        }

        return [.. Enumerable.Range(0, molecule.Atoms.Count).Select(a =>
            largestShared[a] == largest[a] ? SharedEnvironment.Shared
            : largestShared[a] >= 1 ? SharedEnvironment.Partly
            : SharedEnvironment.OnlyHere)];
    }

    /// <summary>The map as drawing highlights with its legend.</summary>
    public static Highlighting Highlight(Molecule molecule, Molecule query, string? queryName = null)
    {
        var verdicts = Compare(molecule, query);
        var halos = verdicts.Select((v, atom) => new AtomHalo(atom, v switch
        {
            SharedEnvironment.Shared => HighlightColours.Blue,
            SharedEnvironment.Partly => HighlightColours.SkyBlue,
            _ => HighlightColours.Orange,
        })).ToList();
        return new Highlighting(halos,
        [
            LegendEntry.Worded(HighlightColours.Blue, Phrase.Of("Legend.SharedWith", queryName is null ? Phrase.Of("Legend.TheQuery") : queryName)),
            LegendEntry.Worded(HighlightColours.SkyBlue, Phrase.Of("Legend.Partly")),
            LegendEntry.Worded(HighlightColours.Orange, Phrase.Of("Legend.OnlyHere")),
        ]);
    }
}
