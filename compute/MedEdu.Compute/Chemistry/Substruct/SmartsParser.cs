using MedEdu.Compute.Chemistry.Elements;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Substruct;

using AtomTest = Func<Atom, MatchTarget, bool>;
using BondTest = Func<Bond, MatchTarget, bool>;

/// <summary>
/// Parses Daylight SMARTS: atom primitives (*, a, A, #n, element symbols, D, H, h, R, r, v, X, x,
/// charges, isotopes, chirality accepted and ignored), recursive $(...), the operators ! &amp; , ;
/// for atoms and bonds, branches, ring closures and '.'.
/// </summary>
internal static class SmartsParser
{
    /// <summary>
    /// Parses <paramref name="smarts"/>; with <paramref name="mergeHydrogens"/>, explicit hydrogen
    /// atoms ([#1]) become hydrogen-count conditions on their neighbours (C-[#1] means a carbon
    /// with at least one hydrogen), as RDKit's mergeHs does, inside recursive SMARTS too. PAINS is
    /// written that way, for molecules whose hydrogens are implicit.
    /// </summary>
    public static SmartsPattern Parse(string smarts, bool mergeHydrogens = false)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        var atoms = new List<QueryAtom>();
        var hydrogens = new List<bool>();
        var bonds = new List<QueryBond>();
        var branches = new Stack<int>();
        var rings = new Dictionary<int, (int Atom, BondTest? Bond)>();
        int previous = -1;
        BondTest? pendingBond = null;
        int pos = 0;
        while (pos < smarts.Length)
        {
            char c = smarts[pos];
            if (c == '(')
            {
                if (previous < 0)
                {
                    throw new SmartsException(pos, "branch without an atom before it");
                }

                branches.Push(previous);
                pos++;
            }
            else if (c == ')')
            {
                if (branches.Count == 0)
                {
                    throw new SmartsException(pos, "unmatched ')'");
                }

                previous = branches.Pop();
                pos++;
            }
            else if (c == '.')
            {
                previous = -1;
                pos++;
            }
            else if (char.IsAsciiDigit(c) || c == '%')
            {
                int start = pos;
                int number;
                if (c == '%')
                {
                    if (pos + 2 >= smarts.Length || !char.IsAsciiDigit(smarts[pos + 1]) || !char.IsAsciiDigit(smarts[pos + 2]))
                    {
                        throw new SmartsException(pos, "'%' needs two digits");
                    }

                    number = int.Parse(smarts.AsSpan(pos + 1, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
                    pos += 3;
                }
                else
                {
                    number = c - '0';
                    pos++;
                }

                if (previous < 0)
                {
                    throw new SmartsException(start, "ring closure without an atom");
                }

                if (rings.Remove(number, out var open))
                {
                    var test = pendingBond ?? open.Bond ?? DefaultBond;
                    bonds.Add(new QueryBond(open.Atom, previous, test));
                }
                else
                {
                    rings[number] = (previous, pendingBond);
                }

                pendingBond = null;
            }
            else if (IsBondChar(c))
            {
                int end = pos;
                while (end < smarts.Length && (IsBondChar(smarts[end]) || smarts[end] is '!' or '&' or ',' or ';'))
                {
                    end++;
                }

                pendingBond = new BondExpressionReader(smarts, pos, end).Read();
                pos = end;
            }
            else
            {
                AtomTest test;
                ElementSet elements;
                bool isHydrogen = false;
                if (c == '[')
                {
                    int close = FindClose(smarts, pos);
                    (test, elements) = new AtomExpressionReader(smarts, pos + 1, close, mergeHydrogens).Read();
                    isHydrogen = smarts.AsSpan(pos + 1, close - pos - 1) is "#1";
                    pos = close + 1;
                }
                else
                {
                    (test, elements, pos) = ReadBareAtom(smarts, pos);
                }

                atoms.Add(new QueryAtom(test, elements));
                hydrogens.Add(isHydrogen);
                int index = atoms.Count - 1;
                if (previous >= 0)
                {
                    bonds.Add(new QueryBond(previous, index, pendingBond ?? DefaultBond));
                }

                pendingBond = null;
                previous = index;
            }
        }

        if (branches.Count > 0)
        {
            throw new SmartsException(smarts.Length, "unclosed branch");
        }

        if (rings.Count > 0)
        {
            throw new SmartsException(smarts.Length, $"ring closure {rings.Keys.First()} never closed");
        }

        return mergeHydrogens && hydrogens.Contains(true)
            ? MergeHydrogens(smarts, atoms, bonds, hydrogens)
            : new SmartsPattern(smarts, atoms, bonds);
    }

    /// <summary>Removes hydrogen atoms bonded to heavy query atoms, each adding one to its neighbour's "at least n hydrogens".</summary>
    private static SmartsPattern MergeHydrogens(string smarts, List<QueryAtom> atoms, List<QueryBond> bonds, List<bool> hydrogens)
    {
        var merged = new int[atoms.Count];
        var removed = new bool[atoms.Count];
        foreach (var b in bonds)
        {
            if (hydrogens[b.Begin] != hydrogens[b.End])
            {
                int h = hydrogens[b.Begin] ? b.Begin : b.End;
                removed[h] = true;
                merged[h == b.Begin ? b.End : b.Begin]++;
            }
        }

        var newIndex = new int[atoms.Count];
        var kept = new List<QueryAtom>();
        for (int i = 0; i < atoms.Count; i++)
        {
            newIndex[i] = removed[i] ? -1 : kept.Count;
            if (!removed[i])
            {
                var atom = atoms[i];
                int atLeast = merged[i];
                kept.Add(atLeast == 0 ? atom : new QueryAtom((a, t) => atom.Matches(a, t) && t.TotalHydrogens[a.Index] >= atLeast, atom.Elements));
            }
        }

        var keptBonds = bonds.Where(b => !removed[b.Begin] && !removed[b.End]).Select(b => b.Renumbered(newIndex[b.Begin], newIndex[b.End])).ToList();
        return new SmartsPattern(smarts, kept, keptBonds);
    }

    private static readonly BondTest DefaultBond = (b, _) => b.Order is BondOrder.Single or BondOrder.Aromatic;

    private static bool IsBondChar(char c) => c is '-' or '=' or '#' or ':' or '~' or '@' or '/' or '\\' or '!';

    private static int FindClose(string s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Length; i++)
        {
            if (s[i] == '[')
            {
                depth++;
            }
            else if (s[i] == ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new SmartsException(open, "'[' never closed");
    }

    private static (AtomTest, ElementSet, int) ReadBareAtom(string s, int pos)
    {
        char c = s[pos];
        char next = pos + 1 < s.Length ? s[pos + 1] : '\0';
        if (c == 'C' && next == 'l')
        {
            return (Element(17, aromatic: false), ElementSet.Of(17), pos + 2);
        }

        if (c == 'B' && next == 'r')
        {
            return (Element(35, aromatic: false), ElementSet.Of(35), pos + 2);
        }

        switch (c)
        {
            case '*':
                return ((_, _) => true, ElementSet.Any, pos + 1);
            case 'A':
                return ((a, _) => !a.IsAromatic, ElementSet.Any, pos + 1);
            case 'a':
                return ((a, _) => a.IsAromatic, ElementSet.Any, pos + 1);
        }

        var (number, aromatic) = c switch
        {
            'B' => (5, false),
            'C' => (6, false),
            'N' => (7, false),
            'O' => (8, false),
            'P' => (15, false),
            'S' => (16, false),
            'F' => (9, false),
            'I' => (53, false),
            'b' => (5, true),
            'c' => (6, true),
            'n' => (7, true),
            'o' => (8, true),
            'p' => (15, true),
            's' => (16, true),
            _ => throw new SmartsException(pos, $"unexpected character '{c}'"),
        };
        return (Element(number, aromatic), ElementSet.Of(number), pos + 1);
    }

    private static AtomTest Element(int number, bool? aromatic) => aromatic switch
    {
        null => (a, _) => a.AtomicNumber == number,
        true => (a, _) => a.AtomicNumber == number && a.IsAromatic,
        false => (a, _) => a.AtomicNumber == number && !a.IsAromatic,
    };

    /// <summary>Reads the expression inside one pair of brackets.</summary>
    private sealed class AtomExpressionReader(string text, int first, int last, bool mergeHydrogens) : LogicalExpressionReader<Atom>(text, first, last)
    {
        private readonly int _start = first;

        public (AtomTest Test, ElementSet Elements) Read()
        {
            if (_pos == End)
            {
                throw new SmartsException(_start, "empty atom '[]'");
            }

            // [H], [2H], [H+]: a hydrogen atom rather than an H-count primitive.
            string body = Text[_start..End];
            if (body is "H" or "H+" or "H-" || (body.EndsWith('H') && body[..^1].All(char.IsAsciiDigit)))
            {
                int charge = body.EndsWith('+') ? 1 : body.EndsWith('-') ? -1 : 0;
                return ((a, _) => a.AtomicNumber == 1 && a.Charge == charge, ElementSet.Of(1));
            }

            var test = LowAnd();
            if (_pos != End)
            {
                throw new SmartsException(_pos, $"unexpected '{Text[_pos]}' in atom expression");
            }

            return test;
        }

        private int? Number()
        {
            int begin = _pos;
            int value = 0;
            while (_pos < End && char.IsAsciiDigit(Text[_pos]))
            {
                value = (value * 10) + (Text[_pos] - '0');
                _pos++;
            }

            return _pos > begin ? value : null;
        }

        /// <summary>An element primitive: its test, and the element it names for the expression's set.</summary>
        private AtomTest Named(int number, bool? aromatic)
        {
            NamedElements = ElementSet.Of(number);
            return Element(number, aromatic);
        }

        protected override AtomTest Primitive()
        {
            if (_pos >= End)
            {
                throw new SmartsException(_pos, "atom expression ends early");
            }

            char c = Text[_pos];
            char next = _pos + 1 < End ? Text[_pos + 1] : '\0';

            // A two-letter element symbol wins over a one-letter primitive: [Hg] is mercury, not "H1 and g".
            if (char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(next) && PeriodicTable.Find($"{c}{next}") is { } element)
            {
                _pos += 2;
                return Named(element.AtomicNumber, false);
            }

            if (char.IsAsciiDigit(c))
            {
                int isotope = Number()!.Value;
                return (a, _) => a.Isotope == isotope;
            }

            switch (c)
            {
                case '*':
                    _pos++;
                    return (_, _) => true;
                case 'a':
                    if (next == 's')
                    {
                        _pos += 2;
                        return Named(33, true);
                    }

                    _pos++;
                    return (a, _) => a.IsAromatic;
                case 'A':
                    if (char.IsAsciiLetterLower(next) && PeriodicTable.Find($"A{next}") is { } aElement)
                    {
                        _pos += 2;
                        return Named(aElement.AtomicNumber, false);
                    }

                    _pos++;
                    return (a, _) => !a.IsAromatic;
                case '#':
                    {
                        _pos++;
                        int number = Number() ?? throw new SmartsException(_pos, "'#' needs an atomic number");
                        return Named(number, null);
                    }

                case 'D':
                    {
                        _pos++;
                        int n = Number() ?? 1;
                        return (a, _) => a.Degree == n;
                    }

                case 'X':
                    {
                        _pos++;
                        int n = Number() ?? 1;
                        return (a, _) => a.TotalDegree == n;
                    }

                case 'H':
                    {
                        _pos++;
                        int n = Number() ?? 1;
                        return (a, t) => t.TotalHydrogens[a.Index] == n;
                    }

                case 'h':
                    {
                        _pos++;
                        int? n = Number();
                        return n is int count ? (a, _) => a.ImplicitHydrogens == count : (a, _) => a.ImplicitHydrogens > 0;
                    }

                case 'R':
                    {
                        _pos++;
                        int? n = Number();
                        return n switch
                        {
                            null => (a, t) => t.Molecule.Rings.IsInRing(a.Index),
                            0 => (a, t) => !t.Molecule.Rings.IsInRing(a.Index),
                            int count => (a, t) => t.Molecule.Rings.AtomRingCount[a.Index] == count,
                        };
                    }

                case 'r':
                    {
                        _pos++;
                        int? n = Number();
                        return n switch
                        {
                            null => (a, t) => t.Molecule.Rings.IsInRing(a.Index),
                            0 => (a, t) => !t.Molecule.Rings.IsInRing(a.Index),
                            int size => (a, t) => t.Molecule.Rings.IsInRingOfSize(a.Index, size),
                        };
                    }

                case 'x':
                    {
                        _pos++;
                        int? n = Number();
                        return n is int count ? (a, t) => t.RingBondCount[a.Index] == count : (a, t) => t.RingBondCount[a.Index] > 0;
                    }

                case 'v':
                    {
                        _pos++;
                        int n = Number() ?? 1;
                        return (a, t) => t.TotalValence[a.Index] == n;
                    }

                case '+' or '-':
                    {
                        int sign = c == '+' ? 1 : -1;
                        _pos++;
                        int charge;
                        if (Number() is int magnitude)
                        {
                            charge = sign * magnitude;
                        }
                        else
                        {
                            charge = sign;
                            while (_pos < End && Text[_pos] == c)
                            {
                                charge += sign;
                                _pos++;
                            }
                        }

                        return (a, _) => a.Charge == charge;
                    }

                case '@':
                    _pos++;
                    // Chirality cannot be checked on a 2D graph without stereo perception: accepted, not tested.
                    while (_pos < End && Text[_pos] is '@' or '?')
                    {
                        _pos++;
                    }

                    return (_, _) => true;
                case '$':
                    {
                        if (next != '(')
                        {
                            throw new SmartsException(_pos, "'$' must be followed by '('");
                        }

                        int depth = 0;
                        int i = _pos + 1;
                        for (; i < End; i++)
                        {
                            if (Text[i] == '(')
                            {
                                depth++;
                            }
                            else if (Text[i] == ')' && --depth == 0)
                            {
                                break;
                            }
                        }

                        if (i >= End)
                        {
                            throw new SmartsException(_pos, "recursive SMARTS '$(' never closed");
                        }

                        var inner = SmartsParser.Parse(Text[(_pos + 2)..i], mergeHydrogens);
                        _pos = i + 1;
                        return (a, t) => t.RecursiveMatch(inner, a);
                    }
            }

            if (char.IsAsciiLetterLower(c))
            {
                string two = $"{c}{next}";
                if (two is "se" or "te")
                {
                    _pos += 2;
                    return Named(two == "se" ? 34 : 52, true);
                }

                int aromaticNumber = c switch { 'b' => 5, 'c' => 6, 'n' => 7, 'o' => 8, 'p' => 15, 's' => 16, _ => -1 };
                if (aromaticNumber < 0)
                {
                    throw new SmartsException(_pos, $"unknown primitive '{c}'");
                }

                _pos++;
                return Named(aromaticNumber, true);
            }

            if (char.IsAsciiLetterUpper(c))
            {
                if (char.IsAsciiLetterLower(next) && PeriodicTable.Find($"{c}{next}") is { } two)
                {
                    _pos += 2;
                    return Named(two.AtomicNumber, false);
                }

                if (PeriodicTable.Find(c.ToString()) is { } one)
                {
                    _pos++;
                    return Named(one.AtomicNumber, false);
                }
            }

            throw new SmartsException(_pos, $"unknown primitive '{c}'");
        }
    }

    /// <summary>Reads a bond expression such as '-,:' or '!@'.</summary>
    private sealed class BondExpressionReader(string text, int first, int last) : LogicalExpressionReader<Bond>(text, first, last)
    {
        public BondTest Read()
        {
            var test = LowAnd().Test;
            if (_pos != End)
            {
                throw new SmartsException(_pos, $"unexpected '{Text[_pos]}' in bond expression");
            }

            return test;
        }

        protected override BondTest Primitive()
        {
            if (_pos >= End)
            {
                throw new SmartsException(_pos, "bond expression ends early");
            }

            char c = Text[_pos++];
            return c switch
            {
                '-' or '/' or '\\' => (b, _) => b.Order == BondOrder.Single,
                '=' => (b, _) => b.Order == BondOrder.Double,
                '#' => (b, _) => b.Order == BondOrder.Triple,
                ':' => (b, _) => b.Order == BondOrder.Aromatic || b.IsAromatic,
                '~' => (_, _) => true,
                '@' => (b, t) => t.Molecule.Rings.IsBondInRing(b.Index),
                _ => throw new SmartsException(_pos - 1, $"unknown bond primitive '{c}'"),
            };
        }
    }

    /// <summary>
    /// SMARTS' logical operators over atom or bond primitives, by precedence: '!' (not), '&amp;' or
    /// juxtaposition (high and), ',' (or), ';' (low and).
    /// </summary>
    private abstract class LogicalExpressionReader<T>(string text, int first, int end)
    {
        /// <summary>The cursor, shared with the primitive readers.</summary>
        protected int _pos = first;

        /// <summary>The SMARTS text.</summary>
        protected string Text => text;

        /// <summary>Where this expression ends.</summary>
        protected int End => end;

        /// <summary>The element a primitive names, set by <see cref="Primitive"/> (every element unless it names one).</summary>
        protected ElementSet NamedElements { get; set; } = ElementSet.Any;

        protected abstract Func<T, MatchTarget, bool> Primitive();

        /// <summary>The expression's test, and the elements it can match: "and" keeps the elements both sides allow, "or" those either allows, "not" any.</summary>
        protected (Func<T, MatchTarget, bool> Test, ElementSet Elements) LowAnd()
        {
            var (left, elements) = Or();
            while (_pos < end && text[_pos] == ';')
            {
                _pos++;
                var l = left;
                var (r, rightElements) = Or();
                left = (x, t) => l(x, t) && r(x, t);
                elements &= rightElements;
            }

            return (left, elements);
        }

        private (Func<T, MatchTarget, bool> Test, ElementSet Elements) Or()
        {
            var (left, elements) = HighAnd();
            while (_pos < end && text[_pos] == ',')
            {
                _pos++;
                var l = left;
                var (r, rightElements) = HighAnd();
                left = (x, t) => l(x, t) || r(x, t);
                elements |= rightElements;
            }

            return (left, elements);
        }

        private (Func<T, MatchTarget, bool> Test, ElementSet Elements) HighAnd()
        {
            var (left, elements) = Unary();
            while (_pos < end && text[_pos] != ',' && text[_pos] != ';')
            {
                if (text[_pos] == '&')
                {
                    _pos++;
                }

                var l = left;
                var (r, rightElements) = Unary();
                left = (x, t) => l(x, t) && r(x, t);
                elements &= rightElements;
            }

            return (left, elements);
        }

        private (Func<T, MatchTarget, bool> Test, ElementSet Elements) Unary()
        {
            if (_pos < end && text[_pos] == '!')
            {
                _pos++;
                var (inner, _) = Unary();
                return ((x, t) => !inner(x, t), ElementSet.Any);
            }

            NamedElements = ElementSet.Any;
            var test = Primitive();
            return (test, NamedElements);
        }
    }
}
