namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>A point (or vector) in the depiction plane, in bond lengths.</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate (up).</param>
public readonly record struct Point2(double X, double Y)
{
    /// <summary>Length of the vector.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>Angle of the vector from the x axis, in radians.</summary>
    public double Angle => Math.Atan2(Y, X);

    /// <summary>The vector scaled to length 1 (or (1, 0) for the zero vector).</summary>
    public Point2 Unit => Length < 1e-12 ? new Point2(1, 0) : this / Length;

    /// <summary>The vector turned a quarter turn anticlockwise.</summary>
    public Point2 Perpendicular => new(-Y, X);

    /// <summary>Unit vector at <paramref name="radians"/> from the x axis.</summary>
    public static Point2 FromAngle(double radians) => new(Math.Cos(radians), Math.Sin(radians));

    /// <summary>Distance between two points.</summary>
    public static double Distance(Point2 a, Point2 b) => (a - b).Length;

    /// <summary>Dot product.</summary>
    public static double Dot(Point2 a, Point2 b) => (a.X * b.X) + (a.Y * b.Y);

    /// <summary>z component of the cross product: positive when <paramref name="b"/> is anticlockwise of <paramref name="a"/>.</summary>
    public static double Cross(Point2 a, Point2 b) => (a.X * b.Y) - (a.Y * b.X);

    /// <summary>The point turned by <paramref name="radians"/> about <paramref name="centre"/>.</summary>
    public Point2 RotateAbout(Point2 centre, double radians)
    {
        double c = Math.Cos(radians), s = Math.Sin(radians);
        var d = this - centre;
        return centre + new Point2((d.X * c) - (d.Y * s), (d.X * s) + (d.Y * c));
    }

    /// <summary>The point mirrored in the line through <paramref name="a"/> and <paramref name="b"/>.</summary>
    public Point2 ReflectIn(Point2 a, Point2 b)
    {
        var axis = (b - a).Unit;
        var d = this - a;
        var along = axis * Dot(d, axis);
        return a + along - (d - along);
    }

    /// <summary>Vector sum.</summary>
    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Vector difference.</summary>
    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scaling.</summary>
    public static Point2 operator *(Point2 a, double k) => new(a.X * k, a.Y * k);

    /// <summary>Division by a scalar.</summary>
    public static Point2 operator /(Point2 a, double k) => new(a.X / k, a.Y / k);

    /// <summary>Smallest distance between two of the points (<see cref="double.MaxValue"/> for fewer than two).</summary>
    public static double ClosestPair(IReadOnlyList<Point2> points)
    {
        double min = double.MaxValue;
        for (int i = 0; i < points.Count; i++)
        {
            for (int j = i + 1; j < points.Count; j++)
            {
                min = Math.Min(min, Distance(points[i], points[j]));
            }
        }

        return min;
    }

    /// <summary>How crowded <paramref name="p"/> is by <paramref name="others"/>: the sum of inverse squared distances (capped at 100 per point).</summary>
    public static double Crowding(Point2 p, IEnumerable<Point2> others)
    {
        double sum = 0;
        foreach (var q in others)
        {
            double d = Distance(p, q);
            sum += 1 / Math.Max(d * d, 0.01);
        }

        return sum;
    }

    /// <summary>Centroid of points.</summary>
    public static Point2 Centroid(IEnumerable<Point2> points)
    {
        double x = 0, y = 0;
        int n = 0;
        foreach (var p in points)
        {
            x += p.X;
            y += p.Y;
            n++;
        }

        return n == 0 ? default : new Point2(x / n, y / n);
    }
}
