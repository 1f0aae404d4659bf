using Han.Readings;
using Han.Simulation.Encoding;
using Han.Simulation.Vendors;

namespace Han.Simulation.Meters;

/// <summary>
/// One list as its vendor puts it on the wire: the body from the vendor's layout, the data-notification
/// header, optionally sealed with AES-GCM, in an HDLC frame with the vendor's addresses.
/// </summary>
public sealed class FrameEncoder
{
    private readonly MeterVendor _vendor;
    private readonly GlobalCiphering? _ciphering;

    public FrameEncoder(MeterVendor vendor, GlobalCiphering? ciphering = null)
    {
        _vendor = vendor ?? throw new ArgumentNullException(nameof(vendor));
        _ciphering = ciphering;
    }

    /// <summary>The plaintext data-notification APDU of <paramref name="reading"/>.</summary>
    public byte[] Apdu(MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var body = new AxdrWriter();
        _vendor.Layout.WriteBody(body, reading, _vendor);
        byte[]? time = null;
        if (_vendor.HeaderTime != HeaderTimeForm.Empty)
        {
            var clock = reading.MeterTime ?? throw new ArgumentException($"{_vendor.Manufacturer} sends its clock in every list; the reading has none", nameof(reading));
            time = CosemDateTimeWriter.Encode(_vendor.Clock.Encode(clock));
        }

        return DataNotificationWriter.Write(_vendor.InvokeIdAndPriority, _vendor.HeaderTime, time, body.Written);
    }

    /// <summary>The whole frame on the wire, both flags included.</summary>
    public byte[] Frame(MeterReading reading)
    {
        var apdu = Apdu(reading);
        return HdlcFrameWriter.Write(_vendor.Addressing, _ciphering is null ? apdu : _ciphering.Seal(apdu));
    }
}
