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
    private readonly Country _country;
    private readonly ValueConverter _converter = new();
    private readonly ScalerUnit?[] _scaling = new ScalerUnit?[Enum.GetValues<Quantity>().Length];
    private MeterProfile? _scalingProfile;
    private byte[] _rememberedListId = [];

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

    /// <summary>Decodes one notification; raises <see cref="DecodeException"/> (offsets relative to the body) when its list does not fit.</summary>
    public MeterReading Decode(in DataNotification notification)
    {
        var list = new PushListReader(notification.Body);
        var profile = Identify(list);
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

        ObisCode[]? layout = null;
        if (list.Shape == ListShape.BareValues && !profile.Layouts.TryGetValue(list.Count, out layout))
        {
            ThrowUnknownLayout(list.Count, profile);
        }

        while (list.TryRead(out var entry))
        {
            Apply(reading, entry, layout, profile);
        }

        return reading;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownLayout(int count, MeterProfile profile)
    {
        var meter = profile.Manufacturer is null ? "an unidentified meter" : $"a {profile.Manufacturer} meter";
        throw new DecodeException(DecodeLayer.Profile, DecodeError.UnexpectedElement, 0, $"a list of {count} unnamed values from {meter} has no known layout");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnnamedElement(int index, int offset, DataType type) =>
        throw new DecodeException(DecodeLayer.Profile, DecodeError.UnexpectedElement, offset, $"list element {index} is a {DataTypeInfo.Name(type)} without an OBIS code");

    private MeterProfile Identify(PushListReader list)
    {
        var probe = list;
        var hasFirst = probe.TryRead(out var first);
        if (hasFirst && IsListIdentifier(first))
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

        // A list that names nothing is read as the meter last named, if that meter could have sent it.
        if (RememberedProfile is { } remembered && (list.Shape != ListShape.BareValues || remembered.Layouts.ContainsKey(list.Count)))
        {
            return remembered;
        }

        // Kaifa list 1 names nothing: a structure holding one bare double-long-unsigned (norway-lists.md §4).
        if (hasFirst && list.Shape == ListShape.BareValues && list.Count == 1 && first.Value.Type == DataType.DoubleLongUnsigned)
        {
            return Kaifa.Profile;
        }

        return GenericObis.Profile;
    }

    private static bool IsListIdentifier(in ListEntry entry) =>
        entry.Obis is not { } code
        || (ObisMap.TryGetIdentity(code, out var identity) && identity == ObisMap.Identity.ListVersion);

    private void Apply(MeterReading reading, in ListEntry entry, ObisCode[]? layout, MeterProfile profile)
    {
        ObisCode code;
        if (entry.Obis is { } named)
        {
            code = named;
        }
        else if (layout is not null)
        {
            code = layout[entry.Index];
        }
        else if (_converter.TryGetText(entry.Value, out var header))
        {
            // The unnamed element before OBIS/value pairs is the list identifier (Kamstrup).
            reading.ListVersion = header;
            return;
        }
        else
        {
            ThrowUnnamedElement(entry.Index, entry.Value.Offset, entry.Value.Type);
            return;
        }

        if (ObisMap.TryGetTarget(code, out var target))
        {
            if (!target.IsField && TryApplyIdentity(reading, target.Identity, entry, profile))
            {
                return;
            }

            if (target.IsField)
            {
                var info = ReadingFieldInfo.Of(target.Field);
                var scaling = entry.Scaling ?? ImplicitScaling(profile, info.Quantity);
                if (scaling is { } known && ValueConverter.TryMeasure(entry.Value, known, info, out var measurement))
                {
                    reading.Set(target.Field, measurement);
                    return;
                }
            }
        }

        reading.AddOther(new ObisValue(code, _converter.ToCosemValue(entry)));
    }

    /// <summary>The profile's scaling for this decoder's country, resolved once per profile.</summary>
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
            // The header's date-time wins: it says when the list was sent. The clock object then stays in obis.
            if (reading.MeterTime is not null || !entry.Value.IsDateTime)
            {
                return false;
            }

            reading.MeterTime = ToClock(entry.Value.ToDateTime(), profile);
            return reading.MeterTime is not null;
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

        return new MeterClock(local, profile.ClockDeviationIsReliable ? time.UtcOffset : null);
    }
}
