using System.Globalization;
using System.Net;
using System.Text;

namespace MedEdu.Notebooks;

/// <summary>A named set of points drawn in one colour.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// Small SVG charts for notebooks (histogram, scatter, bars): plain SVG text, so the outputs
/// render anywhere an .ipynb is shown without a charting package or a CDN.
/// </summary>
public static class SvgPlot
{
    private const int Width = 560, Height = 340, Left = 64, Right = 16, Top = 36, Bottom = 52;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal-width bins.</summary>
    public static string Histogram(IReadOnlyList<double> values, int bins, string title, string xLabel)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("nothing to plot", nameof(values));
        }

        double min = values.Min(), max = values.Max();
        if (max == min)
        {
            max = min + 1;
        }

        var counts = new int[bins];
        foreach (double v in values)
        {
            counts[Math.Min(bins - 1, (int)((v - min) / (max - min) * bins))]++;
        }

        var canvas = new Canvas(title, xLabel, "count", (min, max), (0, counts.Max()));
        double width = (max - min) / bins;
        for (int i = 0; i < bins; i++)
        {
            canvas.Rect(min + i * width, min + (i + 1) * width, 0, counts[i], Palette[0]);
        }

        return canvas.Finish([]);
    }

    /// <summary>A scatter plot of one or more series, with an optional y = x diagonal (for predicted vs measured).</summary>
    public static string Scatter(IReadOnlyList<PlotSeries> series, string title, string xLabel, string yLabel, bool diagonal = false)
    {
        var xs = series.SelectMany(s => s.X).ToList();
        var ys = series.SelectMany(s => s.Y).ToList();
        if (xs.Count == 0)
        {
            throw new ArgumentException("nothing to plot", nameof(series));
        }

        var xRange = Pad(xs.Min(), xs.Max());
        var yRange = Pad(ys.Min(), ys.Max());
        if (diagonal)
        {
            xRange = yRange = (Math.Min(xRange.Min, yRange.Min), Math.Max(xRange.Max, yRange.Max));
        }

        var canvas = new Canvas(title, xLabel, yLabel, xRange, yRange);
        if (diagonal)
        {
            canvas.Line(xRange.Min, xRange.Min, xRange.Max, xRange.Max, "#888");
        }

        for (int s = 0; s < series.Count; s++)
        {
            for (int i = 0; i < series[s].X.Count; i++)
            {
                canvas.Dot(series[s].X[i], series[s].Y[i], Palette[s % Palette.Length]);
            }
        }

        return canvas.Finish(series.Select((s, i) => (s.Name, Palette[i % Palette.Length])).ToList());
    }

    /// <summary>Lines through each series' points (in order), with the points marked: curves over rounds, say.</summary>
    public static string Lines(IReadOnlyList<PlotSeries> series, string title, string xLabel, string yLabel)
    {
        var xs = series.SelectMany(s => s.X).ToList();
        var ys = series.SelectMany(s => s.Y).ToList();
        if (xs.Count == 0)
        {
            throw new ArgumentException("nothing to plot", nameof(series));
        }

        var canvas = new Canvas(title, xLabel, yLabel, Pad(xs.Min(), xs.Max()), Pad(ys.Min(), ys.Max()));
        for (int s = 0; s < series.Count; s++)
        {
            string colour = Palette[s % Palette.Length];
            for (int i = 0; i < series[s].X.Count; i++)
            {
                canvas.Dot(series[s].X[i], series[s].Y[i], colour);
                if (i > 0)
                {
                    canvas.Line(series[s].X[i - 1], series[s].Y[i - 1], series[s].X[i], series[s].Y[i], colour);
                }
            }
        }

        return canvas.Finish(series.Select((s, i) => (s.Name, Palette[i % Palette.Length])).ToList());
    }

    /// <summary>Vertical bars, one per label.</summary>
    public static string Bars(IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, string yLabel)
    {
        double top = Math.Max(values.DefaultIfEmpty(0).Max(), 0);
        double bottom = Math.Min(values.DefaultIfEmpty(0).Min(), 0);
        var canvas = new Canvas(title, "", yLabel, (0, labels.Count), (bottom, top == bottom ? bottom + 1 : top), categories: labels);
        for (int i = 0; i < labels.Count; i++)
        {
            canvas.Rect(i + 0.15, i + 0.85, Math.Min(0, values[i]), Math.Max(0, values[i]), Palette[0]);
        }

        return canvas.Finish([]);
    }

    private static (double Min, double Max) Pad(double min, double max)
    {
        double pad = max == min ? 1 : (max - min) * 0.05;
        return (min - pad, max + pad);
    }

    /// <summary>Plot area, axes with round-number ticks, and the marks drawn into it.</summary>
    private sealed class Canvas
    {
        private readonly StringBuilder _marks = new();
        private readonly (double Min, double Max) _x, _y;
        private readonly string _title, _xLabel, _yLabel;
        private readonly IReadOnlyList<string>? _categories;

        public Canvas(string title, string xLabel, string yLabel, (double, double) x, (double, double) y, IReadOnlyList<string>? categories = null)
        {
            (_title, _xLabel, _yLabel, _x, _y, _categories) = (title, xLabel, yLabel, x, y, categories);
        }

        private double Px(double x) => Left + (x - _x.Min) / (_x.Max - _x.Min) * (Width - Left - Right);

        private double Py(double y) => Height - Bottom - (y - _y.Min) / (_y.Max - _y.Min) * (Height - Top - Bottom);

        public void Rect(double x0, double x1, double y0, double y1, string colour) =>
            _marks.Append(Inv($"<rect x=\"{Px(x0):0.#}\" y=\"{Py(y1):0.#}\" width=\"{Math.Max(0.5, Px(x1) - Px(x0) - 1):0.#}\" height=\"{Py(y0) - Py(y1):0.#}\" fill=\"{colour}\"/>"));

        public void Dot(double x, double y, string colour) =>
            _marks.Append(Inv($"<circle cx=\"{Px(x):0.#}\" cy=\"{Py(y):0.#}\" r=\"2.5\" fill=\"{colour}\" fill-opacity=\"0.55\"/>"));

        public void Line(double x0, double y0, double x1, double y1, string colour) =>
            _marks.Append(Inv($"<line x1=\"{Px(x0):0.#}\" y1=\"{Py(y0):0.#}\" x2=\"{Px(x1):0.#}\" y2=\"{Py(y1):0.#}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>"));

        public string Finish(IReadOnlyList<(string Name, string Colour)> legend)
        {
            var svg = new StringBuilder();
            svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">"));
            svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
            svg.Append(Inv($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(_title)}</text>"));
            svg.Append(_marks);
            svg.Append(Inv($"<path d=\"M{Left},{Top} V{Height - Bottom} H{Width - Right}\" fill=\"none\" stroke=\"#333\"/>"));
            if (_categories is null)
            {
                foreach (double t in Ticks(_x.Min, _x.Max))
                {
                    svg.Append(Inv($"<text x=\"{Px(t):0.#}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{t:0.##}</text>"));
                }
            }
            else
            {
                for (int i = 0; i < _categories.Count; i++)
                {
                    svg.Append(Inv($"<text x=\"{Px(i + 0.5):0.#}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{Escape(_categories[i])}</text>"));
                }
            }

            foreach (double t in Ticks(_y.Min, _y.Max))
            {
                svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Py(t) + 4:0.#}\" text-anchor=\"end\">{t:0.##}</text>"));
            }

            svg.Append(Inv($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Escape(_xLabel)}</text>"));
            svg.Append(Inv($"<text transform=\"translate(16,{(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(_yLabel)}</text>"));
            for (int i = 0; i < legend.Count; i++)
            {
                svg.Append(Inv($"<circle cx=\"{Width - 150}\" cy=\"{Top + 8 + i * 16}\" r=\"4\" fill=\"{legend[i].Colour}\"/><text x=\"{Width - 142}\" y=\"{Top + 12 + i * 16}\">{Escape(legend[i].Name)}</text>"));
            }

            return svg.Append("</svg>").ToString();
        }

        private static IEnumerable<double> Ticks(double min, double max)
        {
            double raw = (max - min) / 5;
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
            for (double t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
            {
                yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
            }
        }

        private static string Escape(string text) => WebUtility.HtmlEncode(text);

        private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    }
}
