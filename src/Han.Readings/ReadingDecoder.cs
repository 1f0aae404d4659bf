using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Protocol.Dlms;
using Han.Readings.Lists;
using Han.Readings.Profiles;

namespace Han.Readings;

/// <summary>
/// Turns data-notifications from one meter into <see cref="MeterReading"/>s. Recognises the meter from
/// its list identifier (or the shape of the list), and remembers it, so that a short list that names
/// nothing (Kaifa and Aidon list 1) is still read with the right profile. One instance per stream.
/// </summary>
public sealed class ReadingDecoder
{
    private static readonly ObisCode LogicalDeviceName = ObisCode.Parse("0-0:42.0.0.255");

    private readonly Country _country;
    private readonly ValueConverter _converter = new();
    private readonly ScalerUnit?[] _scaling = new ScalerUnit?[Enum.GetValues<Quantity>().Length];
    private MeterProfile? _scalingProfile;
    private byte[] _rememberedListId = [];
    private string? _senderId;
    private MeterProfile? _senderProfile;

    /// <summary>The fields of the reading being decoded that were read at an implicit scaling (a bit per field).</summary>
    private ulong _guessed;

    public ReadingDecoder(Country country)
    {
        _country = country;
    }

    public ReadingDecoder()
        : this(Country.Norway)
    {
    }

    /// <summary>The profile identified by the last list that carried a list identifier.</summary>
    public MeterProfile? RememberedProfile { get; private set; }

    /// <summary>
    /// Decodes one notification; raises <see cref="DecodeException"/> (offsets relative to the body) when
    /// its list does not fit. <paramref name="senderId"/> is the manufacturer id of the system title of a
    /// ciphered frame (KFM, LGZ, ...), which names the meter when its list does not.
    /// </summary>
    public MeterReading Decode(in DataNotification notification, string? senderId = null)
    {
        var list = new PushListReader(notification.Body);
        var profile = Identify(list, senderId);
        var reading = new MeterReading
        {
            Profile = profile.Name,
            MeterManufacturer = profile.Manufacturer,
            ListLength = list.Count,
        };

        if (notification.DateTime is { } headerTime)
        {
            reading.MeterTime = ToClock(headerTime, profile);
        }

        PositionalLayout? layout = null;
        if (list.Shape == ListShape.Positional && (layout = profile.LayoutFor(list)) is null)
        {
            ReportUnknownLayout(reading, list, profile);
        }

        _guessed = 0;
        while (list.TryRead(out var entry))
        {
            Apply(reading, entry, layout, profile);
        }

        if (_guessed != 0)
        {
            // Values read at an implicit scaling: choose among the documented ones the consistent one.
            ResolutionChooser.Choose(reading, _guessed, profile, _scaling);
        }

        return reading;
    }

    /// <summary>A positional list nobody has a layout for: its values are kept unnamed, and the reading says so.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReportUnknownLayout(MeterReading reading, PushListReader list, MeterProfile profile)
    {
        var meter = profile.Manufacturer is null ? "an unidentified meter" : $"a {profile.Manufacturer} meter";
        reading.AddRemark(new ReadingRemark(DecodeError.UnknownLayout, $"a list of {list.Count} unnamed values from {meter} has no known layout; its values are kept by position"));
    }

    /// <summary>
    /// A value without a name: the list identifier at the head of a Kamstrup list, a clock at the head
    /// of a Sagemcom list, or a value only its position could explain; kept by position.
    /// </summary>
    private void ApplyUnnamed(MeterReading reading, in ListEntry entry, MeterProfile profile)
    {
        if (entry.Index == 0 && reading.ListVersion is null && _converter.TryGetText(entry.Value, out var header))
        {
            reading.ListVersion = header;
            return;
        }

        if (entry.Value.IsDateTime && reading.MeterTime is null && ToClock(entry.Value.ToDateTime(), profile) is { } clock)
        {
            reading.MeterTime = clock;
            return;
        }

        reading.AddUnnamed(entry.Index, _converter.ToCosemValue(entry));
    }

    private MeterProfile Identify(PushListReader list, string? senderId)
    {
        var probe = list;
        if (probe.TryRead(out var first) && IsListIdentifier(first))
        {
            // A meter repeats its list identifier in every list: recognise the bytes seen last time.
            if (RememberedProfile is { } known && first.Value.Payload.SequenceEqual(_rememberedListId))
            {
                return known;
            }

            if (_converter.TryGetText(first.Value, out var listId) && ProfileCatalog.ForListId(listId) is { } named)
            {
                RememberedProfile = named;
                _rememberedListId = first.Value.Payload.ToArray();
                return named;
            }
        }

        // The sender of a ciphered list names its manufacturer, if that meter could have sent the list.
        if (senderId is not null && ProfileOfSender(senderId) is { } sender && CouldHaveSent(sender, list))
        {
            RememberedProfile = sender;
            return sender;
        }

        // A list that names nothing is read as the meter last named, if that meter could have sent it.
        if (RememberedProfile is { } remembered && CouldHaveSent(remembered, list))
        {
            return remembered;
        }

        var recognised = list.Shape switch
        {
            ListShape.Positional => ProfileCatalog.ForPositionalList(list),
            ListShape.SelfDescribed => ProfileOfLogicalDeviceName(list) ?? ProfileCatalog.ForSelfDescribedList(),
            _ => null,
        };
        return recognised ?? GenericObis.Profile;
    }

    /// <summary>
    /// The profile named by the list's COSEM logical device name (0-0:42.0.0), whose first three
    /// characters are the manufacturer's FLAG id like a system title's (Blue Book §4.1.8.2): the Swiss
    /// 2026 standard lists of Iskraemeco and Landis+Gyr have the same shape and differ only there.
    /// </summary>
    private MeterProfile? ProfileOfLogicalDeviceName(PushListReader list)
    {
        var probe = list;
        while (probe.TryRead(out var entry))
        {
            if (entry.Obis is { } code && code.Packed == LogicalDeviceName.Packed)
            {
                return _converter.TryGetText(entry.Value, out var name) && name.Length >= 3 ? ProfileCatalog.ForSystemTitle(name[..3]) : null;
            }
        }

        return null;
    }

    /// <summary>The profile claiming a sender's manufacturer id, looked up once per sender (a stream has one).</summary>
    private MeterProfile? ProfileOfSender(string senderId)
    {
        if (!string.Equals(senderId, _senderId, StringComparison.Ordinal))
        {
            _senderId = senderId;
            _senderProfile = ProfileCatalog.ForSystemTitle(senderId);
        }

        return _senderProfile;
    }

    private static bool CouldHaveSent(MeterProfile profile, PushListReader list) => list.Shape switch
    {
        ListShape.Positional => profile.MatchingLayout(list) is not null,
        ListShape.SelfDescribed => profile.SendsSelfDescribedLists,
        _ => true,
    };

    private static bool IsListIdentifier(in ListEntry entry) =>
        entry.Obis is not { } code
        || (ObisMap.TryGetIdentity(code, out var identity) && identity == ObisMap.Identity.ListVersion);

    private void Apply(MeterReading reading, in ListEntry entry, PositionalLayout? layout, MeterProfile profile)
    {
        var name = entry.Obis ?? layout?.CodeAt(entry.Index);
        if (name is not { } code)
        {
            ApplyUnnamed(reading, entry, profile);
            return;
        }

        if (ObisMap.TryGetTarget(code, out var target)
            && (target.IsField ? TryApplyField(reading, entry, target.Field, profile) : TryApplyIdentity(reading, target.Identity, entry, profile)))
        {
            return;
        }

        reading.AddOther(new ObisValue(code, _converter.ToCosemValue(entry)));
    }

    /// <summary>The value in its schema field, when its scaling (sent or implicit) and unit fit.</summary>
    private bool TryApplyField(MeterReading reading, in ListEntry entry, ReadingField field, MeterProfile profile)
    {
        var info = ReadingFieldInfo.Of(field);
        var scaling = entry.Scaling ?? ImplicitScaling(profile, info.Quantity);
        if (scaling is not { } known || !ValueConverter.TryMeasure(entry.Value, known, info, out var measurement))
        {
            return false;
        }

        if (entry.Scaling is null)
        {
            _guessed |= 1UL << (int)field;
        }

        reading.Set(field, measurement);
        return true;
    }

    /// <summary>The profile's scaling for this decoder's country, resolved once per profile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ScalerUnit? ImplicitScaling(MeterProfile profile, Quantity quantity)
    {
        if (!ReferenceEquals(profile, _scalingProfile))
        {
            _scalingProfile = profile;
            foreach (var each in Enum.GetValues<Quantity>())
            {
                _scaling[(int)each] = profile.ImplicitScaling(each, _country);
            }
        }

        return _scaling[(int)quantity];
    }

    private bool TryApplyIdentity(MeterReading reading, ObisMap.Identity identity, in ListEntry entry, MeterProfile profile)
    {
        if (identity == ObisMap.Identity.Clock)
        {
            // The clock object is what the meter reports as its clock, so it wins over the header's
            // date-time (which the hex and tree views still show); docs/decoder.md "meter_time". A
            // clock object that names no time (wildcards, marked invalid) leaves the header's and stays in obis.
            if (!entry.Value.IsDateTime || ToClock(entry.Value.ToDateTime(), profile) is not { } clock)
            {
                return false;
            }

            reading.MeterTime = clock;
            return true;
        }

        if (!_converter.TryGetText(entry.Value, out var text))
        {
            return false;
        }

        switch (identity)
        {
            case ObisMap.Identity.ListVersion:
                reading.ListVersion = text;
                break;
            case ObisMap.Identity.MeterId:
                reading.MeterId = text;
                break;
            default:
                reading.MeterType = text;
                break;
        }

        return true;
    }

    private static MeterClock? ToClock(CosemDateTime time, MeterProfile profile)
    {
        if (time.IsMarkedInvalid || !time.TryGetLocalTime(out var local))
        {
            return null;
        }

        var offset = profile.ClockDeviationIsReliable ? time.UtcOffset : null;
        return new MeterClock(local, profile.ClockDeviationIsReversed ? -offset : offset);
    }
}
