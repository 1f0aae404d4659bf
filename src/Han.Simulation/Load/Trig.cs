namespace Han.Simulation.Load;

/// <summary>
/// Cosine and sine from additions and multiplications only. Math.Cos may differ in its last bit between
/// platforms; these do not, so a seeded run gives the same bytes on x64 and arm64 (a Raspberry Pi).
/// </summary>
public static class Trig
{
    public static double Cos(double radians)
    {
        // Into [-pi, pi], then the Taylor series, which is exact to double precision there by x^36.
        var x = radians - (2 * Math.PI * Math.Round(radians / (2 * Math.PI)));
        var square = x * x;
        var term = 1.0;
        var sum = 1.0;
        for (var n = 2; n <= 36; n += 2)
        {
            term *= -square / ((n - 1) * n);
            sum += term;
        }

        return sum;
    }

    public static double Sin(double radians) => Cos(radians - (Math.PI / 2));
}
