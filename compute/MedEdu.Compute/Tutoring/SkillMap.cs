using System.Globalization;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tutoring;

/// <summary>
/// Which skills each exercise template practises, read from two tables a person can edit:
/// <c>Data/skills.tsv</c> (the skills) and <c>Data/practice.tsv</c> (kind, rule set, levels, skills;
/// the first matching line wins).
/// </summary>
public sealed class SkillMap
{
    private readonly List<(ExerciseKind Kind, string? Rules, int From, int To, IReadOnlyList<Skill> Skills)> lines;

    private SkillMap(IReadOnlyList<Skill> skills, List<(ExerciseKind, string?, int, int, IReadOnlyList<Skill>)> lines)
    {
        Skills = skills;
        this.lines = lines;
    }

    /// <summary>The map shipped with MedEdu.</summary>
    public static SkillMap Default { get; } = Parse(Resource("skills.tsv"), Resource("practice.tsv"));

    /// <summary>Every skill, in the order of <c>skills.tsv</c>.</summary>
    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>The skill with this id.</summary>
    /// <exception cref="KeyNotFoundException">No skill has that id.</exception>
    public Skill this[string id] => Skills.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"no skill '{id}'");

    /// <summary>The skills a template practises (at least one).</summary>
    /// <exception cref="ArgumentException">No line of the map covers the template.</exception>
    public IReadOnlyList<Skill> SkillsOf(PracticeTemplate template)
    {
        foreach (var (kind, rules, from, to, skills) in lines)
        {
            bool rulesMatch = rules is null || string.Equals(rules, template.Rules, StringComparison.OrdinalIgnoreCase);
            if (kind == template.Kind && rulesMatch && template.Difficulty >= from && template.Difficulty <= to)
            {
                return skills;
            }
        }

        throw new ArgumentException($"the skill map has no line for {template.Key}", nameof(template));
    }

    /// <summary>Reads a map from the text of the two tables; a line that does not parse is refused with its number.</summary>
    /// <exception cref="FormatException">A line names an unknown kind or skill, or a bad level range.</exception>
    public static SkillMap Parse(string skillsTsv, string practiceTsv)
    {
        var skills = Rows(skillsTsv).Select(r => r.Fields.Length == 2
                ? new Skill(r.Fields[0], r.Fields[1])
                : throw new FormatException($"skills line {r.Number}: expected 'id<TAB>name'"))
            .ToList();
        var byId = skills.ToDictionary(s => s.Id);
        var lines = new List<(ExerciseKind, string?, int, int, IReadOnlyList<Skill>)>();
        foreach (var (number, f) in Rows(practiceTsv))
        {
            if (f.Length != 4 || !Enum.TryParse<ExerciseKind>(f[0], out var kind))
            {
                throw new FormatException($"practice line {number}: expected 'kind<TAB>rules<TAB>levels<TAB>skills' with a known kind");
            }

            var range = f[2].Split('-');
            if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) || from < 1 || to > 3 || from > to)
            {
                throw new FormatException($"practice line {number}: levels '{f[2]}' are not a range within 1-3");
            }

            var practised = f[3].Split(',').Select(id => byId.TryGetValue(id.Trim(), out var s)
                ? s : throw new FormatException($"practice line {number}: no skill '{id}' in skills.tsv")).ToList();
            lines.Add((kind, f[1] == "*" ? null : f[1], from, to, practised));
        }

        return new SkillMap(skills, lines);
    }

    private static IEnumerable<(int Number, string[] Fields)> Rows(string tsv) => tsv.Split('\n')
        .Select((line, i) => (Number: i + 1, Line: line.TrimEnd('\r')))
        .Where(x => x.Line.Length > 0 && !x.Line.StartsWith('#'))
        .Select(x => (x.Number, x.Line.Split('\t')));

    private static string Resource(string file)
    {
        using var stream = typeof(SkillMap).Assembly.GetManifestResourceStream($"MedEdu.Compute.Tutoring.{file}")
            ?? throw new InvalidOperationException($"the skill table {file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
