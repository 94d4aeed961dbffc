using MedEdu.Compute.Chemistry.Elements;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.SmilesParse;

/// <summary>
/// Reads OpenSMILES into a sanitized <see cref="Molecule"/> (implicit hydrogens, rings,
/// aromaticity as RDKit perceives them). Every failure is a <see cref="SmilesException"/> with a
/// position and a reason; the reader is iterative, so no input can overflow the stack, and it
/// runs in time linear in the input for everything but ring perception of huge fused systems.
/// </summary>
public static class SmilesParser
{
    /// <summary>Parses and sanitizes <paramref name="smiles"/>.</summary>
    /// <exception cref="SmilesException">The SMILES is malformed or chemically impossible.</exception>
    public static Molecule Parse(string smiles)
    {
        var molecule = ParseGraph(smiles);
        try
        {
            MoleculeSanitizer.Sanitize(molecule);
        }
        catch (ChemistryException e)
        {
            int position = e.AtomIndex is int a && a < molecule.Atoms.Count ? molecule.Atoms[a].SourcePosition : 0;
            throw new SmilesException(Math.Max(position, 0), e.Message);
        }
        catch (Rings.RingPerceptionException e)
        {
            throw new SmilesException(0, e.Message);
        }

        return molecule;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> explains a failure.</summary>
    public static bool TryParse(string smiles, out Molecule? molecule, out SmilesException? error)
    {
        try
        {
            molecule = Parse(smiles);
            error = null;
            return true;
        }
        catch (SmilesException e)
        {
            molecule = null;
            error = e;
            return false;
        }
    }

    /// <summary>Reads the graph exactly as written, without valence or aromaticity processing.</summary>
    public static Molecule ParseGraph(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        return new Reader(smiles).Read();
    }

    private readonly record struct PendingBond(BondOrder Order, BondDirection Direction, bool Aromatic, int Position);

    /// <summary>A ring-closure digit waiting for its partner.</summary>
    /// <param name="Atom">The atom the digit follows.</param>
    /// <param name="Bond">The bond symbol written before the digit, if any.</param>
    /// <param name="Position">Where the digit is, for errors.</param>
    /// <param name="StereoSlot">Where the partner goes in the opening atom's <see cref="Atom.ChiralNeighbours"/>, or -1.</param>
    private readonly record struct OpenRing(Atom Atom, PendingBond? Bond, int Position, int StereoSlot);

    private sealed class Reader(string text)
    {
        private readonly Molecule _molecule = new();
        private readonly Stack<(Atom? Atom, int Position)> _branches = new();
        private readonly Dictionary<int, OpenRing> _rings = [];
        private int _pos;
        private Atom? _previous;
        private PendingBond? _bond;
        private bool _branchJustOpened;
        private int _dotPosition = -1;

        public Molecule Read()
        {
            int end = text.Length;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            while (_pos < end && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }

            if (_pos >= end)
            {
                // As in RDKit, an empty SMILES is the empty molecule; callers that need atoms check for them.
                return _molecule;
            }

            while (_pos < end)
            {
                char c = text[_pos];
                switch (c)
                {
                    case '(':
                        if (_previous is null)
                        {
                            throw Error("a branch '(' must follow an atom");
                        }

                        if (_bond is not null)
                        {
                            throw Error("a bond must be followed by an atom, not '('");
                        }

                        _branches.Push((_previous, _pos));
                        _branchJustOpened = true;
                        _pos++;
                        break;
                    case ')':
                        if (_branches.Count == 0)
                        {
                            throw Error("')' closes no open branch");
                        }

                        if (_branchJustOpened)
                        {
                            throw Error("empty branch '()'");
                        }

                        if (_bond is { } dangling)
                        {
                            throw new SmilesException(dangling.Position, "a bond must be followed by an atom");
                        }

                        _previous = _branches.Pop().Atom;
                        _pos++;
                        break;
                    case '.':
                        if (_previous is null || _bond is not null)
                        {
                            throw Error("'.' must separate two components");
                        }

                        if (_branches.Count > 0)
                        {
                            throw Error("'.' inside a branch is not supported");
                        }

                        _previous = null;
                        _dotPosition = _pos;
                        _pos++;
                        break;
                    case '-' or '=' or '#' or '$' or ':' or '/' or '\\':
                        if (_previous is null)
                        {
                            throw Error($"bond '{c}' must follow an atom");
                        }

                        if (_bond is not null)
                        {
                            throw Error($"two bonds in a row ('{c}')");
                        }

                        _bond = c switch
                        {
                            '-' => new PendingBond(BondOrder.Single, BondDirection.None, false, _pos),
                            '=' => new PendingBond(BondOrder.Double, BondDirection.None, false, _pos),
                            '#' => new PendingBond(BondOrder.Triple, BondDirection.None, false, _pos),
                            '$' => new PendingBond(BondOrder.Quadruple, BondDirection.None, false, _pos),
                            ':' => new PendingBond(BondOrder.Aromatic, BondDirection.None, true, _pos),
                            '/' => new PendingBond(BondOrder.Single, BondDirection.Up, false, _pos),
                            _ => new PendingBond(BondOrder.Single, BondDirection.Down, false, _pos),
                        };
                        _pos++;
                        break;
                    case '%':
                    case >= '0' and <= '9':
                        ReadRingClosure(end);
                        break;
                    case '[':
                        AddAtom(ReadBracketAtom(end));
                        break;
                    case '*':
                        AddAtom(NewAtom(0, false, _pos));
                        _pos++;
                        break;
                    default:
                        if (char.IsWhiteSpace(c))
                        {
                            throw Error("unexpected space inside the SMILES");
                        }

                        AddAtom(ReadOrganicAtom(end));
                        break;
                }
            }

            if (_bond is { } trailing)
            {
                throw new SmilesException(trailing.Position, "the SMILES ends with a bond and no atom after it");
            }

            if (_branches.Count > 0)
            {
                throw new SmilesException(_branches.Peek().Position, "branch '(' is never closed");
            }

            if (_rings.Count > 0)
            {
                var open = _rings.OrderBy(r => r.Value.Position).First();
                throw new SmilesException(open.Value.Position, $"ring closure {open.Key} is never closed");
            }

            if (_previous is null)
            {
                throw new SmilesException(_dotPosition, "'.' must separate two components");
            }

            return _molecule;
        }

        private SmilesException Error(string reason) => new(_pos, reason);

        private Atom NewAtom(int atomicNumber, bool aromatic, int position)
        {
            var atom = _molecule.AddAtom(atomicNumber);
            atom.IsAromatic = aromatic;
            atom.SourcePosition = position;
            return atom;
        }

        private void AddAtom(Atom atom)
        {
            if (_previous is not null)
            {
                var spec = _bond ?? Implicit(_previous, atom, atom.SourcePosition);
                var bond = _molecule.AddBond(_previous, atom, spec.Order);
                bond.IsAromatic = spec.Aromatic;
                bond.Direction = spec.Direction;
                _previous.ChiralNeighbourList?.Add(atom);
            }
            else if (_bond is { } dangling)
            {
                throw new SmilesException(dangling.Position, "a bond must follow an atom");
            }

            if (atom.Chirality is ChiralTag.Anticlockwise or ChiralTag.Clockwise)
            {
                // The mark looks from the atom written before, then the atom's own hydrogen, then onwards.
                atom.ChiralNeighbourList = _previous is null ? [] : [_previous];
                if (atom.ExplicitHydrogens == 1)
                {
                    atom.ChiralNeighbourList.Add(null);
                }
            }

            _bond = null;
            _previous = atom;
            _branchJustOpened = false;
        }

        private static PendingBond Implicit(Atom a, Atom b, int position) =>
            a.IsAromatic && b.IsAromatic
                ? new PendingBond(BondOrder.Aromatic, BondDirection.None, true, position)
                : new PendingBond(BondOrder.Single, BondDirection.None, false, position);

        private void ReadRingClosure(int end)
        {
            int start = _pos;
            if (_previous is null)
            {
                throw Error("a ring closure must follow an atom");
            }

            int number;
            if (text[_pos] == '%')
            {
                _pos++;
                if (_pos < end && text[_pos] == '(')
                {
                    _pos++;
                    int digitsStart = _pos;
                    while (_pos < end && char.IsAsciiDigit(text[_pos]) && _pos - digitsStart < 5)
                    {
                        _pos++;
                    }

                    if (_pos == digitsStart || _pos >= end || text[_pos] != ')')
                    {
                        throw new SmilesException(start, "ring closure '%(' must hold digits and end with ')'");
                    }

                    number = int.Parse(text.AsSpan(digitsStart, _pos - digitsStart), provider: System.Globalization.CultureInfo.InvariantCulture);
                    _pos++;
                }
                else
                {
                    if (_pos + 1 >= end || !char.IsAsciiDigit(text[_pos]) || !char.IsAsciiDigit(text[_pos + 1]))
                    {
                        throw new SmilesException(start, "ring closure '%' must be followed by two digits");
                    }

                    number = ((text[_pos] - '0') * 10) + (text[_pos + 1] - '0');
                    _pos += 2;
                }
            }
            else
            {
                number = text[_pos] - '0';
                _pos++;
            }

            if (_rings.Remove(number, out var open))
            {
                var closeBond = _bond;
                _bond = null;
                if (open.Atom == _previous)
                {
                    throw new SmilesException(start, $"ring closure {number} bonds an atom to itself");
                }

                if (_previous.BondTo(open.Atom) is not null)
                {
                    throw new SmilesException(start, $"ring closure {number} duplicates an existing bond");
                }

                PendingBond spec;
                if (open.Bond is { } a && closeBond is { } b)
                {
                    if (a.Order != b.Order || a.Aromatic != b.Aromatic)
                    {
                        throw new SmilesException(start, $"ring closure {number} has conflicting bond symbols");
                    }

                    spec = b;
                }
                else
                {
                    spec = closeBond ?? open.Bond ?? Implicit(open.Atom, _previous, start);
                }

                var bond = _molecule.AddBond(open.Atom, _previous, spec.Order);
                bond.IsAromatic = spec.Aromatic;

                // The bond runs from the opening atom; a mark at the closing digit reads the other way.
                bond.Direction = open.Bond is { Direction: not BondDirection.None } opened ? opened.Direction
                    : closeBond?.Direction switch { BondDirection.Up => BondDirection.Down, BondDirection.Down => BondDirection.Up, _ => BondDirection.None };
                if (open.StereoSlot >= 0)
                {
                    open.Atom.ChiralNeighbourList![open.StereoSlot] = _previous;
                }

                _previous.ChiralNeighbourList?.Add(open.Atom);
            }
            else
            {
                // A ring bond counts where its digit is written; the partner is known when the ring closes.
                int slot = -1;
                if (_previous.ChiralNeighbourList is { } order)
                {
                    slot = order.Count;
                    order.Add(null);
                }

                _rings[number] = new OpenRing(_previous, _bond, start, slot);
                _bond = null;
            }
        }

        private Atom ReadOrganicAtom(int end)
        {
            int start = _pos;
            char c = text[_pos];
            char next = _pos + 1 < end ? text[_pos + 1] : '\0';
            if (char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(next) && next is not ('b' or 'c' or 'n' or 'o' or 'p' or 's')
                && !(c == 'C' && next == 'l') && !(c == 'B' && next == 'r') && PeriodicTable.Find($"{c}{next}") is not null)
            {
                throw new SmilesException(start, $"element '{c}{next}' must be written in brackets, e.g. [{c}{next}]");
            }

            (int number, bool aromatic, int length) = c switch
            {
                'C' when next == 'l' => (17, false, 2),
                'B' when next == 'r' => (35, false, 2),
                'B' => (5, false, 1),
                'C' => (6, false, 1),
                'N' => (7, false, 1),
                'O' => (8, false, 1),
                'P' => (15, false, 1),
                'S' => (16, false, 1),
                'F' => (9, false, 1),
                'I' => (53, false, 1),
                'b' => (5, true, 1),
                'c' => (6, true, 1),
                'n' => (7, true, 1),
                'o' => (8, true, 1),
                'p' => (15, true, 1),
                's' => (16, true, 1),
                _ => (-1, false, 0),
            };
            if (number < 0)
            {
                if (char.IsAsciiLetterUpper(c))
                {
                    string symbol = char.IsAsciiLetterLower(next) ? $"{c}{next}" : c.ToString();
                    throw new SmilesException(start, PeriodicTable.Find(symbol) is not null
                        ? $"element '{symbol}' must be written in brackets, e.g. [{symbol}]"
                        : $"unknown element '{symbol}'");
                }

                throw new SmilesException(start, $"unexpected character '{Printable(c)}'");
            }

            _pos += length;
            return NewAtom(number, aromatic, start);
        }

        private Atom ReadBracketAtom(int end)
        {
            int start = _pos;
            _pos++; // '['
            int isotope = 0;
            int digits = 0;
            while (_pos < end && char.IsAsciiDigit(text[_pos]))
            {
                if (++digits > 4)
                {
                    throw Error("isotope number is too long");
                }

                isotope = (isotope * 10) + (text[_pos] - '0');
                _pos++;
            }

            if (_pos >= end)
            {
                throw new SmilesException(start, "bracket atom '[' is never closed");
            }

            int symbolStart = _pos;
            int number;
            bool aromatic = false;
            char c = text[_pos];
            char next = _pos + 1 < end ? text[_pos + 1] : '\0';
            if (c == '*')
            {
                number = 0;
                _pos++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                aromatic = true;
                string two = $"{c}{next}";
                (number, int length) = two switch
                {
                    "se" => (34, 2),
                    "as" => (33, 2),
                    "te" => (52, 2),
                    _ => c switch
                    {
                        'b' => (5, 1),
                        'c' => (6, 1),
                        'n' => (7, 1),
                        'o' => (8, 1),
                        'p' => (15, 1),
                        's' => (16, 1),
                        _ => (-1, 0),
                    },
                };
                if (number < 0)
                {
                    throw new SmilesException(symbolStart, $"unknown aromatic element '{Printable(c)}'");
                }

                _pos += length;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                Element? element = null;
                if (char.IsAsciiLetterLower(next))
                {
                    element = PeriodicTable.Find($"{c}{next}");
                }

                if (element is not null)
                {
                    _pos += 2;
                }
                else
                {
                    element = PeriodicTable.Find(c.ToString());
                    if (element is null)
                    {
                        string shown = char.IsAsciiLetterLower(next) ? $"{c}{next}" : c.ToString();
                        throw new SmilesException(symbolStart, $"unknown element '{shown}'");
                    }

                    _pos++;
                }

                number = element.AtomicNumber;
            }
            else
            {
                throw new SmilesException(symbolStart, c == ']' ? "bracket atom has no element" : $"unexpected character '{Printable(c)}' in bracket atom");
            }

            var atom = NewAtom(number, aromatic, start);
            atom.Isotope = isotope;
            atom.NoImplicit = true;

            if (_pos < end && text[_pos] == '@')
            {
                _pos++;
                atom.Chirality = ChiralTag.Anticlockwise;
                if (_pos < end && text[_pos] == '@')
                {
                    _pos++;
                    atom.Chirality = ChiralTag.Clockwise;
                }
                else if (_pos + 1 < end && text[_pos] is 'T' or 'A' or 'S' or 'O' && char.IsAsciiLetterUpper(text[_pos + 1]))
                {
                    string cls = text.Substring(_pos, 2);
                    if (cls is not ("TH" or "AL" or "SP" or "TB" or "OH"))
                    {
                        throw Error($"unknown chirality class '@{cls}'");
                    }

                    _pos += 2;
                    int permutation = 0;
                    int permutationDigits = 0;
                    while (_pos < end && char.IsAsciiDigit(text[_pos]) && permutationDigits < 2)
                    {
                        permutation = (permutation * 10) + (text[_pos] - '0');
                        permutationDigits++;
                        _pos++;
                    }

                    if (permutationDigits == 0)
                    {
                        throw Error($"chirality class '@{cls}' needs a number");
                    }

                    atom.Chirality = ChiralTag.Other;
                    atom.ChiralPermutation = permutation;
                }
            }

            if (_pos < end && text[_pos] == 'H')
            {
                _pos++;
                int h = 1;
                if (_pos < end && char.IsAsciiDigit(text[_pos]))
                {
                    h = text[_pos] - '0';
                    _pos++;
                }

                atom.ExplicitHydrogens = h;
            }

            if (_pos < end && text[_pos] is '+' or '-')
            {
                char sign = text[_pos];
                int charge = 0;
                _pos++;
                if (_pos < end && char.IsAsciiDigit(text[_pos]))
                {
                    while (_pos < end && char.IsAsciiDigit(text[_pos]) && charge < 100)
                    {
                        charge = (charge * 10) + (text[_pos] - '0');
                        _pos++;
                    }

                    if (charge > 15)
                    {
                        throw Error($"charge {sign}{charge} is out of range");
                    }
                }
                else
                {
                    charge = 1;
                    while (_pos < end && text[_pos] == sign && charge < 15)
                    {
                        charge++;
                        _pos++;
                    }
                }

                atom.Charge = sign == '+' ? charge : -charge;
            }

            if (_pos < end && text[_pos] == ':')
            {
                _pos++;
                int classStart = _pos;
                int atomClass = 0;
                while (_pos < end && char.IsAsciiDigit(text[_pos]) && _pos - classStart < 9)
                {
                    atomClass = (atomClass * 10) + (text[_pos] - '0');
                    _pos++;
                }

                if (_pos == classStart)
                {
                    throw Error("atom class ':' needs a number");
                }

                atom.AtomClass = atomClass;
            }

            if (_pos >= end)
            {
                throw new SmilesException(start, "bracket atom '[' is never closed");
            }

            if (text[_pos] != ']')
            {
                throw Error($"unexpected character '{Printable(text[_pos])}' in bracket atom");
            }

            _pos++;
            return atom;
        }

        private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
    }
}
