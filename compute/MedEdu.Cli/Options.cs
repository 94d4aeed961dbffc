using System.Globalization;

namespace MedEdu.Cli;

/// <summary>A command's options: <c>--name value</c>, <c>-k value</c> and flags, with typed getters that explain mistakes.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = [];

    public Options(IEnumerable<string> args, params string[] known)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            string name = list[i];
            if (!name.StartsWith('-'))
            {
                throw new UsageException($"unexpected argument '{name}'");
            }

            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'; this command takes: {string.Join(", ", known)}");
            }

            if (i + 1 >= list.Count)
            {
                throw new UsageException($"option '{name}' needs a value");
            }

            _values[name] = list[++i];
        }
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Text(name) ?? throw new UsageException($"option '{name}' is required");

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } raw)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
            ? v
            : throw new UsageException($"option '{name}' must be an integer from {min} to {max}, not '{raw}'");
    }

    public float? Float(string name, float min, float max)
    {
        if (Text(name) is not { } raw)
        {
            return null;
        }

        return float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && v >= min && v <= max
            ? v
            : throw new UsageException($"option '{name}' must be a number from {min} to {max}, not '{raw}'");
    }

    public string Choice(string name, string fallback, params string[] choices)
    {
        string value = (Text(name) ?? fallback).ToLowerInvariant();
        return choices.Contains(value) ? value : throw new UsageException($"option '{name}' must be one of: {string.Join(", ", choices)}");
    }
}
