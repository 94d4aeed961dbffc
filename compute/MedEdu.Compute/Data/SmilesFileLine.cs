namespace MedEdu.Compute.Data;

/// <summary>
/// One line of a SMILES file: the structure, then whitespace (a space or a tab), then an optional
/// name that may itself hold spaces. Read the same way by the CLI, the upload sniffer and the
/// converter that turns an uploaded SMILES file into CSV.
/// </summary>
/// <param name="Smiles">The structure as written.</param>
/// <param name="Name">The rest of the line, trimmed; null when the line holds only a structure.</param>
public readonly record struct SmilesFileLine(string Smiles, string? Name)
{
    /// <summary>The line's structure and name; null for a blank line.</summary>
    public static SmilesFileLine? Parse(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        int split = trimmed.IndexOfAny([' ', '\t']);
        if (split < 0)
        {
            return new SmilesFileLine(trimmed, null);
        }

        string name = trimmed[(split + 1)..].Trim();
        return new SmilesFileLine(trimmed[..split], name.Length == 0 ? null : name);
    }
}
