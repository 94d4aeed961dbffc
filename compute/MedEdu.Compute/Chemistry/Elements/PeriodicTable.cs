namespace MedEdu.Compute.Chemistry.Elements;

/// <summary>
/// The periodic table as RDKit's valence and aromaticity rules need it. The data (masses,
/// outer-shell electrons, allowed valences) follows RDKit 2022.09's table so that implicit
/// hydrogens and descriptors agree with what students see in RDKit.
/// </summary>
public static class PeriodicTable
{
    private static readonly Element[] ByNumber = Build();
    private static readonly Dictionary<string, Element> BySymbol = ByNumber.Where(e => e is not null).ToDictionary(e => e.Symbol, StringComparer.Ordinal);

    /// <summary>Largest atomic number known.</summary>
    public static int MaxAtomicNumber => ByNumber.Length - 1;

    /// <summary>The element with this atomic number.</summary>
    public static Element Get(int atomicNumber) => ByNumber[atomicNumber];

    /// <summary>Finds an element by its exact symbol (case-sensitive), or null.</summary>
    public static Element? Find(string symbol) => BySymbol.GetValueOrDefault(symbol);

    /// <summary>RDKit's "early atom" rule: elements left of carbon, whose charge adds to their valence the other way.</summary>
    public static bool IsEarly(int atomicNumber) => atomicNumber switch
    {
        3 or 4 or 5 or 11 or 12 or 13 or 19 or 20 or 21 or 22 or 30 or 31 or 32 or 37 or 38 or 39 or 40 or 41
            or 48 or 49 or 50 or 51 or 55 or 56 or (>= 57 and <= 61) or 72 or 73 or 80 or 81 or 82 or 83
            or (>= 87 and <= 93) or (>= 104 and <= 118) => true,
        _ => false,
    };

    /// <summary>RDKit's electronegativity proxy: more outer electrons, then the lower atomic number, wins.</summary>
    public static bool MoreElectronegative(int a, int b)
    {
        int ea = Get(a).OuterElectrons, eb = Get(b).OuterElectrons;
        return ea > eb || (ea == eb && a < b);
    }

    /// <summary>Mass of an isotope: exact for common labelled isotopes, else the mass number.</summary>
    public static double IsotopeMass(int atomicNumber, int massNumber) =>
        IsotopeMasses.TryGetValue((atomicNumber, massNumber), out var mass) ? mass : massNumber;

    private static readonly Dictionary<(int, int), double> IsotopeMasses = new()
    {
        [(1, 1)] = 1.007825032,
        [(1, 2)] = 2.014101778,
        [(1, 3)] = 3.016049278,
        [(6, 11)] = 11.0114336,
        [(6, 12)] = 12.0,
        [(6, 13)] = 13.00335484,
        [(6, 14)] = 14.003241989,
        [(7, 14)] = 14.003074,
        [(7, 15)] = 15.0001089,
        [(8, 16)] = 15.99491462,
        [(8, 17)] = 16.9991317,
        [(8, 18)] = 17.9991610,
        [(9, 18)] = 18.0009380,
        [(9, 19)] = 18.99840322,
        [(15, 31)] = 30.97376163,
        [(15, 32)] = 31.97390727,
        [(16, 32)] = 31.972071,
        [(16, 34)] = 33.96786690,
        [(16, 35)] = 34.96903216,
        [(17, 35)] = 34.96885268,
        [(17, 36)] = 35.96830698,
        [(17, 37)] = 36.96590259,
        [(35, 79)] = 78.9183371,
        [(35, 81)] = 80.9162906,
        [(53, 123)] = 122.905589,
        [(53, 125)] = 124.9046302,
        [(53, 127)] = 126.904473,
        [(53, 131)] = 130.9061246,
        [(43, 99)] = 98.9062547,
    };

    private static Element[] Build()
    {
        Element[] data =
        [
            new(0, "*", 0, 0, 0, [-1]),
            new(1, "H", 1.008, 1, 1.007825032, [1]),
            new(2, "He", 4.003, 2, 4.002603254, [0]),
            new(3, "Li", 6.941, 1, 7.01600455, [1]),
            new(4, "Be", 9.012, 2, 9.0121822, [2]),
            new(5, "B", 10.812, 3, 11.0093054, [3]),
            new(6, "C", 12.011, 4, 12, [4]),
            new(7, "N", 14.007, 5, 14.003074, [3]),
            new(8, "O", 15.999, 6, 15.99491462, [2]),
            new(9, "F", 18.998, 7, 18.99840322, [1]),
            new(10, "Ne", 20.18, 8, 19.99244018, [0]),
            new(11, "Na", 22.99, 1, 22.98976928, [1]),
            new(12, "Mg", 24.305, 2, 23.9850417, [2, -1]),
            new(13, "Al", 26.982, 3, 26.98153863, [3, 6]),
            new(14, "Si", 28.086, 4, 27.97692653, [4, 6]),
            new(15, "P", 30.974, 5, 30.97376163, [3, 5, 7]),
            new(16, "S", 32.067, 6, 31.972071, [2, 4, 6]),
            new(17, "Cl", 35.453, 7, 34.96885268, [1]),
            new(18, "Ar", 39.948, 8, 39.96238312, [0]),
            new(19, "K", 39.098, 1, 38.96370668, [1]),
            new(20, "Ca", 40.078, 2, 39.96259098, [2, -1]),
            new(21, "Sc", 44.956, 3, 44.9559119, [-1]),
            new(22, "Ti", 47.867, 4, 47.9479463, [-1]),
            new(23, "V", 50.942, 5, 49.9471585, [-1]),
            new(24, "Cr", 51.996, 6, 51.9405075, [-1]),
            new(25, "Mn", 54.938, 7, 54.9380451, [-1]),
            new(26, "Fe", 55.845, 8, 55.9349375, [-1]),
            new(27, "Co", 58.933, 9, 58.933195, [-1]),
            new(28, "Ni", 58.693, 10, 57.9353429, [-1]),
            new(29, "Cu", 63.546, 11, 62.9295975, [-1]),
            new(30, "Zn", 65.39, 2, 63.9291422, [-1]),
            new(31, "Ga", 69.723, 3, 68.9255736, [3]),
            new(32, "Ge", 72.61, 4, 73.9211778, [4]),
            new(33, "As", 74.922, 5, 74.9215965, [3, 5, 7]),
            new(34, "Se", 78.96, 6, 79.9165213, [2, 4, 6]),
            new(35, "Br", 79.904, 7, 78.9183371, [1]),
            new(36, "Kr", 83.8, 8, 83.911507, [0]),
            new(37, "Rb", 85.468, 1, 84.91178974, [1]),
            new(38, "Sr", 87.62, 2, 87.9056121, [2, -1]),
            new(39, "Y", 88.906, 3, 88.9058483, [-1]),
            new(40, "Zr", 91.224, 4, 89.9047044, [-1]),
            new(41, "Nb", 92.906, 5, 92.9063781, [-1]),
            new(42, "Mo", 95.94, 6, 97.9054082, [-1]),
            new(43, "Tc", 98, 7, 96.906365, [-1]),
            new(44, "Ru", 101.07, 8, 101.9043493, [-1]),
            new(45, "Rh", 102.906, 9, 102.905504, [-1]),
            new(46, "Pd", 106.42, 10, 105.903486, [-1]),
            new(47, "Ag", 107.868, 11, 106.905097, [-1]),
            new(48, "Cd", 112.412, 2, 113.9033585, [-1]),
            new(49, "In", 114.818, 3, 114.903878, [3]),
            new(50, "Sn", 118.711, 4, 119.9021947, [2, 4]),
            new(51, "Sb", 121.76, 5, 120.9038157, [3, 5, 7]),
            new(52, "Te", 127.6, 6, 129.9062244, [2, 4, 6]),
            new(53, "I", 126.904, 7, 126.904473, [1, 3, 5]),
            new(54, "Xe", 131.29, 8, 131.9041535, [0, 2, 4, 6]),
            new(55, "Cs", 132.905, 1, 132.9054519, [1]),
            new(56, "Ba", 137.328, 2, 137.9052472, [2, -1]),
            new(57, "La", 138.906, 3, 138.9063533, [-1]),
            new(58, "Ce", 140.116, 4, 139.9054387, [-1]),
            new(59, "Pr", 140.908, 3, 140.9076528, [-1]),
            new(60, "Nd", 144.24, 4, 141.9077233, [-1]),
            new(61, "Pm", 145, 5, 144.912749, [-1]),
            new(62, "Sm", 150.36, 6, 151.9197324, [-1]),
            new(63, "Eu", 151.964, 7, 152.9212303, [-1]),
            new(64, "Gd", 157.25, 8, 157.9241039, [-1]),
            new(65, "Tb", 158.925, 9, 158.9253468, [-1]),
            new(66, "Dy", 162.5, 10, 163.9291748, [-1]),
            new(67, "Ho", 164.93, 11, 164.9303221, [-1]),
            new(68, "Er", 167.26, 12, 165.9302931, [-1]),
            new(69, "Tm", 168.934, 13, 168.9342133, [-1]),
            new(70, "Yb", 173.04, 14, 173.9388621, [-1]),
            new(71, "Lu", 174.967, 15, 174.9407718, [-1]),
            new(72, "Hf", 178.49, 4, 179.94655, [-1]),
            new(73, "Ta", 180.948, 5, 180.9479958, [-1]),
            new(74, "W", 183.84, 6, 183.9509312, [-1]),
            new(75, "Re", 186.207, 7, 186.9557531, [-1]),
            new(76, "Os", 190.23, 8, 191.9614807, [-1]),
            new(77, "Ir", 192.217, 9, 192.9629264, [-1]),
            new(78, "Pt", 195.078, 10, 194.9647911, [-1]),
            new(79, "Au", 196.967, 11, 196.9665687, [-1]),
            new(80, "Hg", 200.59, 2, 201.970643, [-1]),
            new(81, "Tl", 204.383, 3, 204.9744275, [3]),
            new(82, "Pb", 207.2, 4, 207.9766521, [2, 4]),
            new(83, "Bi", 208.98, 5, 208.9803987, [3, 5, 7]),
            new(84, "Po", 209, 6, 208.9824304, [2, 4, 6]),
            new(85, "At", 210, 7, 209.987148, [1, 3, 5]),
            new(86, "Rn", 222, 8, 210.990601, [0]),
            new(87, "Fr", 223, 1, 223.0197359, [1]),
            new(88, "Ra", 226, 2, 223.0185022, [2, -1]),
            new(89, "Ac", 227, 3, 227.0277521, [-1]),
            new(90, "Th", 232.038, 4, 232.0380553, [-1]),
            new(91, "Pa", 231.036, 3, 231.035884, [-1]),
            new(92, "U", 238.029, 4, 238.0507882, [-1]),
            new(93, "Np", 237, 5, 236.04657, [-1]),
            new(94, "Pu", 244, 6, 238.0495599, [-1]),
            new(95, "Am", 243, 7, 241.0568291, [-1]),
            new(96, "Cm", 247, 8, 243.0613891, [-1]),
            new(97, "Bk", 247, 9, 247.070307, [-1]),
            new(98, "Cf", 251, 10, 249.0748535, [-1]),
            new(99, "Es", 252, 11, 252.08298, [-1]),
            new(100, "Fm", 257, 12, 257.095105, [-1]),
            new(101, "Md", 258, 13, 258.098431, [-1]),
            new(102, "No", 259, 14, 259.10103, [-1]),
            new(103, "Lr", 262, 15, 262.10963, [-1]),
            new(104, "Rf", 267, 2, 267.12153, [-1]),
            new(105, "Db", 268, 2, 268.12545, [-1]),
            new(106, "Sg", 269, 2, 271.13347, [-1]),
            new(107, "Bh", 270, 2, 270.13362, [-1]),
            new(108, "Hs", 269, 2, 269.13406, [-1]),
            new(109, "Mt", 278, 2, 278.15481, [-1]),
            new(110, "Ds", 281, 2, 281.16206, [-1]),
            new(111, "Rg", 281, 2, 281.16537, [-1]),
            new(112, "Cn", 285, 2, 285.17411, [-1]),        ];
        var table = new Element[data.Max(e => e.AtomicNumber) + 1];
        foreach (var e in data)
        {
            table[e.AtomicNumber] = e;
        }

        return table;
    }
}
