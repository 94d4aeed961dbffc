using System.Globalization;
using System.Text;
using MedEdu.Compute.Chemistry.Aromaticity;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Draws a molecule as a standalone SVG image: skeletal formula with element-coloured bonds,
/// labels on heteroatoms (with their hydrogens, charge and isotope), double bonds inside rings,
/// triple bonds, aromatic rings as a Kekulé structure or with circles, and solid or hashed wedges
/// at tetrahedral centres marked in the SMILES (<see cref="StereoWedges"/>). The image has a
/// <c>&lt;title&gt;</c> and <c>role="img"</c> for screen readers; each label carries its atom
/// index and element (<c>data-atom</c>, <c>data-element</c>).
/// </summary>
public static class SvgDepictor
{
    /// <summary>Parses <paramref name="smiles"/> and draws it.</summary>
    /// <exception cref="SmilesException">The SMILES is invalid.</exception>
    public static string Depict(string smiles, DepictionOptions? options = null)
    {
        var molecule = SmilesParser.Parse(smiles);
        options ??= new DepictionOptions();
        return Draw(molecule, options with { Title = options.Title ?? smiles });
    }

    /// <summary>Draws <paramref name="molecule"/> (not modified).</summary>
    public static string Draw(Molecule molecule, DepictionOptions? options = null)
    {
        options ??= new DepictionOptions();
        var coordinates = CoordinateGenerator.Compute(molecule);
        var orders = DrawnOrders(molecule, options.Aromatic);
        var wedges = StereoWedges.Assign(molecule, coordinates).ToDictionary(w => w.Bond);
        return new Canvas(molecule, coordinates, orders, wedges, options).Render();
    }

    /// <summary>The bond orders to draw: a Kekulé structure when asked (aromatic bonds stay aromatic if none exists).</summary>
    private static BondOrder[] DrawnOrders(Molecule molecule, AromaticStyle style)
    {
        var orders = molecule.Bonds.Select(b => b.Order).ToArray();
        if (style != AromaticStyle.Kekule || !orders.Contains(BondOrder.Aromatic))
        {
            return orders;
        }

        // Kekulize in place, read the orders, and put the molecule back as it was.
        var bondAromatic = molecule.Bonds.Select(b => b.IsAromatic).ToArray();
        var atomAromatic = molecule.Atoms.Select(a => a.IsAromatic).ToArray();
        try
        {
            Kekulizer.Kekulize(molecule);
            return molecule.Bonds.Select(b => b.Order).ToArray();
        }
        catch (ChemistryException)
        {
            return orders;
        }
        finally
        {
            for (int i = 0; i < orders.Length; i++)
            {
                molecule.Bonds[i].Order = orders[i];
                molecule.Bonds[i].IsAromatic = bondAromatic[i];
            }

            for (int i = 0; i < atomAromatic.Length; i++)
            {
                molecule.Atoms[i].IsAromatic = atomAromatic[i];
            }
        }
    }

    private sealed class Canvas(Molecule molecule, Point2[] coordinates, BondOrder[] orders, Dictionary<int, StereoBond> wedges, DepictionOptions options)
    {
        private readonly StringBuilder _svg = new();
        private Point2[] _px = [];
        private double _scale;
        private double _font;
        private bool[] _labelled = [];
        private double _legendTop;

        /// <summary>Height of one legend line, in pixels.</summary>
        private const double LegendLine = 16;

        public string Render()
        {
            Fit(out double width, out double height);
            _labelled = molecule.Atoms.Select(AtomLabel.IsShown).ToArray();
            _svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" class=\"molecule\">");
            _svg.Append("<title>").Append(Escape(options.Title ?? "molecule")).Append("</title>");
            _svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
            if (options.Highlight is { } highlight)
            {
                DrawHalos(highlight);
            }

            _svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bonds\" stroke-width=\"{F(Math.Max(1, _scale / 20))}\" stroke-linecap=\"round\" fill=\"none\">");
            for (int i = 0; i < molecule.Bonds.Count; i++)
            {
                if (wedges.TryGetValue(i, out var wedge))
                {
                    DrawWedge(wedge);
                }
                else
                {
                    DrawBond(molecule.Bonds[i], orders[i]);
                }
            }

            if (options.Aromatic == AromaticStyle.Circles)
            {
                DrawAromaticCircles();
            }

            _svg.Append("</g>");
            _svg.Append(CultureInfo.InvariantCulture, $"<g class=\"atoms\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"{F(_font)}\">");
            foreach (var atom in molecule.Atoms)
            {
                if (_labelled[atom.Index])
                {
                    DrawLabel(atom);
                }
            }

            _svg.Append("</g>");
            if (options.Highlight is { Legend.Count: > 0 } legend)
            {
                DrawLegend(legend.Legend);
            }

            _svg.Append("</svg>");
            return _svg.ToString();
        }

        /// <summary>Translucent halos behind the highlighted atoms, joined along bonds whose two atoms share a colour.</summary>
        private void DrawHalos(Highlighting highlight)
        {
            var byAtom = new Dictionary<int, AtomHalo>();
            foreach (var halo in highlight.Halos.Where(h => h.Atom >= 0 && h.Atom < molecule.Atoms.Count))
            {
                byAtom[halo.Atom] = halo;
            }

            _svg.Append("<g class=\"highlights\" fill-opacity=\"0.5\" stroke-opacity=\"0.5\" stroke-linecap=\"round\">");
            foreach (var bond in molecule.Bonds)
            {
                if (byAtom.TryGetValue(bond.Begin.Index, out var a) && byAtom.TryGetValue(bond.End.Index, out var b) && a.Colour == b.Colour)
                {
                    var p = _px[bond.Begin.Index];
                    var q = _px[bond.End.Index];
                    double width = _scale * 0.45 * Math.Min(Math.Clamp(a.Size, 0.3, 1.5), Math.Clamp(b.Size, 0.3, 1.5));
                    _svg.Append(CultureInfo.InvariantCulture, $"<line class=\"highlight-bond\" x1=\"{F(p.X)}\" y1=\"{F(p.Y)}\" x2=\"{F(q.X)}\" y2=\"{F(q.Y)}\" stroke=\"{a.Colour}\" stroke-width=\"{F(width)}\"/>");
                }
            }

            foreach (var halo in byAtom.Values.OrderBy(h => h.Atom))
            {
                var at = _px[halo.Atom];
                double r = _scale * 0.45 * Math.Clamp(halo.Size, 0.3, 1.5);
                _svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"highlight\" data-atom=\"{halo.Atom}\" cx=\"{F(at.X)}\" cy=\"{F(at.Y)}\" r=\"{F(r)}\" fill=\"{halo.Colour}\"/>");
            }

            _svg.Append("</g>");
        }

        /// <summary>The legend under the drawing: a swatch and a label per line.</summary>
        private void DrawLegend(IReadOnlyList<LegendEntry> legend)
        {
            _svg.Append("<g class=\"legend\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\" fill=\"#222222\">");
            for (int i = 0; i < legend.Count; i++)
            {
                double y = _legendTop + (i * LegendLine);
                _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(options.Padding)}\" y=\"{F(y + 2)}\" width=\"10\" height=\"10\" fill=\"{legend[i].Colour}\" fill-opacity=\"0.7\"/>");
                _svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(options.Padding + 15)}\" y=\"{F(y + 11)}\">{Escape(legend[i].Label)}</text>");
            }

            _svg.Append("</g>");
        }

        private void Fit(out double width, out double height)
        {
            double minX = 0, maxX = 0, minY = 0, maxY = 0;
            if (coordinates.Length > 0)
            {
                minX = coordinates.Min(p => p.X);
                maxX = coordinates.Max(p => p.X);
                minY = coordinates.Min(p => p.Y);
                maxY = coordinates.Max(p => p.Y);
            }

            // Labels reach about half a bond beyond their atom.
            double spanX = maxX - minX + 1, spanY = maxY - minY + 1;
            _scale = options.BondLength;
            if (options.Width > 0)
            {
                _scale = Math.Min(_scale, (options.Width - (2 * options.Padding)) / spanX);
            }

            // A legend takes lines under the drawing: from a fixed height, or added to a fitted one.
            double legend = options.Highlight is { Legend.Count: > 0 } h ? (h.Legend.Count * LegendLine) + 4 : 0;
            if (options.Height > 0)
            {
                _scale = Math.Min(_scale, (options.Height - legend - (2 * options.Padding)) / spanY);
            }

            _scale = Math.Max(_scale, 2);
            _font = Math.Clamp(_scale * 0.45, 6, 18);
            // About 6.2 px per character at the legend's 11 px font, after a 15 px swatch.
            double legendWidth = legend > 0 ? (options.Highlight!.Legend.Max(l => l.Label.Length) * 6.2) + 15 + (2 * options.Padding) : 0;
            width = options.Width > 0 ? options.Width : Math.Max((spanX * _scale) + (2 * options.Padding), legendWidth);
            height = options.Height > 0 ? options.Height : (spanY * _scale) + (2 * options.Padding) + legend;
            _legendTop = height - legend - (options.Padding / 2);
            double drawingHeight = height - legend; // the drawing is centred in the space above the legend
            double offsetX = ((width - ((maxX - minX) * _scale)) / 2) - (minX * _scale);
            double offsetY = ((drawingHeight - ((maxY - minY) * _scale)) / 2) + (maxY * _scale);
            _px = coordinates.Select(p => new Point2(offsetX + (p.X * _scale), offsetY - (p.Y * _scale))).ToArray();
        }

        private void DrawBond(Bond bond, BondOrder order)
        {
            int a = bond.Begin.Index, b = bond.End.Index;
            var (p, q) = Trimmed(a, b);
            string ca = ElementColors.Of(bond.Begin.AtomicNumber), cb = ElementColors.Of(bond.End.AtomicNumber);
            var along = (q - p).Unit;
            switch (order)
            {
                case BondOrder.Double:
                    DrawDouble(bond, p, q, ca, cb);
                    break;
                case BondOrder.Triple or BondOrder.Quadruple:
                    {
                        var off = along.Perpendicular * (_scale * 0.16);
                        var shrink = along * (_scale * 0.08);
                        Line(p, q, ca, cb, "bond triple");
                        Line(p + off + shrink, q + off - shrink, ca, cb, "bond triple");
                        Line(p - off + shrink, q - off - shrink, ca, cb, "bond triple");
                        break;
                    }

                case BondOrder.Aromatic when options.Aromatic == AromaticStyle.Kekule:
                    {
                        // No Kekulé structure: a dashed inner line marks the aromatic bond.
                        Line(p, q, ca, cb, "bond aromatic");
                        var (ip, iq) = InnerLine(bond, p, q);
                        Line(ip, iq, ca, cb, "bond aromatic", dashed: true);
                        break;
                    }

                default:
                    Line(p, q, ca, cb, "bond single");
                    break;
            }
        }

        /// <summary>A wedge narrow at the centre: filled towards the viewer, hashed away from it.</summary>
        private void DrawWedge(StereoBond wedge)
        {
            var bond = molecule.Bonds[wedge.Bond];
            int far = bond.Other(molecule.Atoms[wedge.Centre]).Index;
            var (p, q) = Trimmed(wedge.Centre, far);
            var half = (q - p).Unit.Perpendicular * (_scale * 0.13);
            string colour = ElementColors.Of(molecule.Atoms[wedge.Centre].AtomicNumber);
            if (wedge.Kind == WedgeKind.Wedge)
            {
                var a = q + half;
                var b = q - half;
                _svg.Append(CultureInfo.InvariantCulture,
                    $"<polygon class=\"bond wedge\" data-centre=\"{wedge.Centre}\" points=\"{F(p.X)},{F(p.Y)} {F(a.X)},{F(a.Y)} {F(b.X)},{F(b.Y)}\" fill=\"{colour}\" stroke=\"{colour}\" stroke-linejoin=\"round\"/>");
                return;
            }

            // Short strokes across the bond, widening away from the centre.
            const int strokes = 7;
            _svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bond hash\" data-centre=\"{wedge.Centre}\" stroke=\"{colour}\">");
            for (int k = 1; k <= strokes; k++)
            {
                double t = (double)k / strokes;
                var at = p + ((q - p) * t);
                var w = half * Math.Max(t, 0.15);
                _svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(at.X + w.X)}\" y1=\"{F(at.Y + w.Y)}\" x2=\"{F(at.X - w.X)}\" y2=\"{F(at.Y - w.Y)}\"/>");
            }

            _svg.Append("</g>");
        }

        private void DrawDouble(Bond bond, Point2 p, Point2 q, string ca, string cb)
        {
            bool inRing = RingOf(bond) is not null;
            if (inRing)
            {
                Line(p, q, ca, cb, "bond double");
                var (ip, iq) = InnerLine(bond, p, q);
                Line(ip, iq, ca, cb, "bond double");
                return;
            }

            // Outside rings: on the side of the other substituents, or centred when they balance (C=O, trans C=C).
            var dir = q - p;
            int side = 0;
            foreach (var end in new[] { bond.Begin, bond.End })
            {
                foreach (var nb in end.Neighbors)
                {
                    if (nb != bond.Begin && nb != bond.End)
                    {
                        side += Math.Sign(Point2.Cross(dir, _px[nb.Index] - p));
                    }
                }
            }

            var normal = dir.Unit.Perpendicular;
            if (side == 0 || _labelled[bond.Begin.Index] || _labelled[bond.End.Index])
            {
                var off = normal * (_scale * 0.09);
                Line(p + off, q + off, ca, cb, "bond double");
                Line(p - off, q - off, ca, cb, "bond double");
            }
            else
            {
                var off = normal * (_scale * 0.18 * Math.Sign(side));
                var shrink = dir.Unit * (_scale * 0.12);
                Line(p, q, ca, cb, "bond double");
                Line(p + off + shrink, q + off - shrink, ca, cb, "bond double");
            }
        }

        /// <summary>The second line of a ring bond: moved towards the ring's centre and shortened.</summary>
        private (Point2, Point2) InnerLine(Bond bond, Point2 p, Point2 q)
        {
            var ring = RingOf(bond);
            var dir = q - p;
            var normal = dir.Unit.Perpendicular;
            if (ring is not null)
            {
                var centre = Point2.Centroid(ring.Select(i => _px[i]));
                if (Point2.Dot(centre - p, normal) < 0)
                {
                    normal = normal * -1;
                }
            }

            var off = normal * (_scale * 0.18);
            var shrink = dir.Unit * (_scale * 0.14);
            return (p + off + shrink, q + off - shrink);
        }

        /// <summary>The smallest ring holding the bond, preferring an aromatic one.</summary>
        private int[]? RingOf(Bond bond)
        {
            int[]? best = null;
            foreach (var ring in RingSystem.RingsOf(molecule)?.AtomRings ?? [])
            {
                int i = Array.IndexOf(ring, bond.Begin.Index), j = Array.IndexOf(ring, bond.End.Index);
                if (i < 0 || j < 0 || (Math.Abs(i - j) != 1 && Math.Abs(i - j) != ring.Length - 1))
                {
                    continue;
                }

                if (best is null || Preference(ring) < Preference(best))
                {
                    best = ring;
                }
            }

            return best;

            int Preference(int[] ring) => ring.Length + (ring.All(x => molecule.Atoms[x].IsAromatic) ? 0 : 100);
        }

        private void DrawAromaticCircles()
        {
            foreach (var ring in (RingSystem.RingsOf(molecule)?.AtomRings ?? []).Where(r => r.All(i => molecule.Atoms[i].IsAromatic)))
            {
                var centre = Point2.Centroid(ring.Select(i => _px[i]));
                double apothem = _scale / (2 * Math.Tan(Math.PI / ring.Length));
                _svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"aromatic-ring\" cx=\"{F(centre.X)}\" cy=\"{F(centre.Y)}\" r=\"{F(apothem * 0.6)}\" stroke=\"{ElementColors.Default}\"/>");
            }
        }

        /// <summary>Bond ends pulled back from labelled atoms so lines do not run into the text.</summary>
        private (Point2, Point2) Trimmed(int a, int b)
        {
            Point2 p = _px[a], q = _px[b];
            var dir = (q - p).Unit;
            double trim = _font * 0.62;
            double length = Point2.Distance(p, q);
            if (_labelled[a] && length > trim * 2.2)
            {
                p += dir * trim;
            }

            if (_labelled[b] && length > trim * 2.2)
            {
                q -= dir * trim;
            }

            return (p, q);
        }

        private void Line(Point2 p, Point2 q, string colourP, string colourQ, string kind, bool dashed = false)
        {
            string dash = dashed ? $" stroke-dasharray=\"{F(_scale / 8)} {F(_scale / 10)}\"" : "";
            if (colourP == colourQ)
            {
                _svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{kind}\" x1=\"{F(p.X)}\" y1=\"{F(p.Y)}\" x2=\"{F(q.X)}\" y2=\"{F(q.Y)}\" stroke=\"{colourP}\"{dash}/>");
                return;
            }

            // Each half of the bond in its atom's colour.
            var mid = (p + q) / 2;
            _svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{kind}\" x1=\"{F(p.X)}\" y1=\"{F(p.Y)}\" x2=\"{F(mid.X)}\" y2=\"{F(mid.Y)}\" stroke=\"{colourP}\"{dash}/>");
            _svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{kind} half\" x1=\"{F(mid.X)}\" y1=\"{F(mid.Y)}\" x2=\"{F(q.X)}\" y2=\"{F(q.Y)}\" stroke=\"{colourQ}\"{dash}/>");
        }

        private void DrawLabel(Atom atom)
        {
            var at = _px[atom.Index];
            var label = AtomLabel.For(atom, coordinates[atom.Index], atom.Neighbors.Select(n => coordinates[n.Index]).ToList());
            string colour = ElementColors.Of(atom.AtomicNumber);
            string kind = atom.AtomicNumber switch { 6 => "carbon", 1 => "hydrogen", _ => "heteroatom" };
            double symbolHalf = _font * 0.31 * label.Symbol.Length;
            var text = new StringBuilder();
            string h = label.Hydrogens == 0 ? "" : "H" + (label.Hydrogens > 1 ? Sub(label.Hydrogens.ToString(CultureInfo.InvariantCulture)) : "");
            string iso = label.Isotope == 0 ? "" : Sup(label.Isotope.ToString(CultureInfo.InvariantCulture));
            string charge = label.Charge == 0 ? "" : Sup(label.ChargeText);
            string anchor;
            double x;
            if (label.HydrogensLeft)
            {
                text.Append(h).Append(iso).Append(Escape(label.Symbol)).Append(charge);
                anchor = "end";
                x = at.X + symbolHalf + (label.Charge == 0 ? 0 : _font * 0.45 * label.ChargeText.Length);
            }
            else
            {
                text.Append(iso).Append(Escape(label.Symbol)).Append(h).Append(charge);
                anchor = "start";
                x = at.X - symbolHalf - (_font * 0.34 * (label.Isotope == 0 ? 0 : label.Isotope.ToString(CultureInfo.InvariantCulture).Length));
            }

            _svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"atom-label {kind}\" data-atom=\"{atom.Index}\" data-element=\"{label.Symbol}\" x=\"{F(x)}\" y=\"{F(at.Y + (_font * 0.36))}\" text-anchor=\"{anchor}\" fill=\"{colour}\">{text}</text>");
        }

        private static string Sub(string s) => $"<tspan font-size=\"75%\" dy=\"0.25em\">{s}</tspan><tspan dy=\"-0.25em\"></tspan>";

        private static string Sup(string s) => $"<tspan font-size=\"75%\" dy=\"-0.45em\">{Escape(s)}</tspan><tspan dy=\"0.45em\"></tspan>";

        private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}
