using Han.Simulation.Load;
using Han.Simulation.Vendors;

namespace Han.Simulation.Meters;

/// <summary>Who the simulated meter is: its id (vendor prefix + seeded digits), type, and system title for ciphering.</summary>
public sealed record MeterIdentity(string Id, string Type, byte[] SystemTitle)
{
    public static MeterIdentity Create(MeterVendor vendor, int phases, Grid grid, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(random);
        var digits = new char[vendor.IdDigits - vendor.IdPrefix.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + random.Between(0, 10));
        }

        var title = new byte[8];
        System.Text.Encoding.ASCII.GetBytes(vendor.SystemTitlePrefix).CopyTo(title, 0);
        for (var i = 3; i < title.Length; i++)
        {
            title[i] = (byte)random.Between(0, 256);
        }

        return new MeterIdentity(vendor.IdPrefix + new string(digits), vendor.Types.For(phases, grid), title);
    }
}
