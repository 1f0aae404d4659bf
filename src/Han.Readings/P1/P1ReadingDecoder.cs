using System.Collections.Frozen;
using System.Text;
using Han.Protocol.Cosem;
using Han.Protocol.P1;

namespace Han.Readings.P1;

/// <summary>
/// Turns DSMR / P1 telegrams into <see cref="MeterReading"/>s (DESIGN.md §2.2). Electricity lines map
/// through <see cref="ObisMap"/>, but only when the unit written is of the field's kind: <c>kW</c> or
/// <c>W</c> for power, <c>kWh</c> or <c>Wh</c> for energy (Austrian <c>/EST5</c> and EasyMeter write
/// W and Wh), <c>kvar</c>/<c>var</c>, <c>kvarh</c>/<c>varh</c>, <c>V</c>, <c>A</c>, in any letter case;
/// the value is rescaled exactly (01.193*kW is 1193 W). A line whose unit does not fit, or that has none,
/// stays in the reading's <c>obis</c> values (see <see cref="P1ObisValues"/>), as does every line the
/// schema has no key for. Malformed lines are skipped and counted in <see cref="MalformedLines"/>.
/// One instance per stream: it reuses the identity strings a meter repeats, and the <c>obis</c> value of
/// each line the meter writes exactly as in the telegram before (values are immutable).
/// </summary>
public sealed class P1ReadingDecoder
{
    /// <summary>The <see cref="MeterReading.Profile"/> of P1 readings.</summary>
    public const string ProfileName = "DSMR P1";

    private static readonly ObisCode EquipmentIdCode = ObisCode.Parse("0-0:96.1.1.255");
    private static readonly ObisCode MeterNumberCode = ObisCode.Parse("0-0:96.1.0.255");

    /// <summary>The P1 objects that fill the identity part of a reading.</summary>
    private static readonly FrozenDictionary<ulong, Identity> Identities = new Dictionary<ulong, Identity>
    {
        [ObisCode.Parse("1-3:0.2.8.255").Packed] = Identity.Version, // DSMR version: 42, 50
        [ObisCode.Parse("0-0:1.0.0.255").Packed] = Identity.Clock, // YYMMDDhhmmssX, local time
        [EquipmentIdCode.Packed] = Identity.EquipmentId, // DSMR equipment identifier (hex ASCII)
        [MeterNumberCode.Packed] = Identity.MeterNumber, // when the meter sends no 96.1.1
    }.ToFrozenDictionary();

    /// <summary>Most line positions remembered; later lines share one slot (real telegrams have about 40 lines).</summary>
    private const int MaxSlots = 128;

    /// <summary>Longest value groups remembered (a DSMR text message: 1024 characters as hex, with room to spare).</summary>
    private const int MaxRememberedGroupsLength = (2 * 1024) + 64;

    private readonly TextCache _texts = new();

    /// <summary>What each line position of the previous telegram was (a meter repeats its lines in order).</summary>
    private readonly List<LineSlot> _slots = [];

    private readonly LineSlot _overflowSlot = new();


    private enum Identity
    {
        Version,
        Clock,
        EquipmentId,
        MeterNumber,
    }

    /// <summary>Lines skipped as malformed in all telegrams decoded so far.</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Malformed lines in the telegram decoded last.</summary>
    public int LastTelegramMalformedLines { get; private set; }

    /// <summary>Stream offset of the first malformed line of the telegram decoded last; -1 when it had none.</summary>
    public long LastTelegramFirstMalformedOffset { get; private set; } = -1;

    public MeterReading Decode(in P1Telegram telegram)
    {
        if (telegram.Text.IsEmpty)
        {
            throw new ArgumentException("The telegram is empty (default); pass one a P1TelegramReader returned.", nameof(telegram));
        }

        var reading = new MeterReading
        {
            Profile = ProfileName,
            MeterManufacturer = P1Manufacturers.NameOf(telegram.FlagId),
            MeterType = MeterTypeOf(telegram.Identification),
        };

        var meterIdFromEquipmentId = false;
        var lines = telegram.Lines;
        var count = 0;
        while (lines.MoveNext())
        {
            var line = lines.Current;
            var slot = SlotAt(count, line.Obis);
            count++;
            if (slot.Identity is { } identity && line.GroupCount == 1
                && ApplyIdentity(reading, identity, line, ref meterIdFromEquipmentId))
            {
                continue;
            }

            if (slot.Field is { } field && line.GroupCount == 1 && ApplyField(reading, field, line))
            {
                continue;
            }

            AddOther(reading, line, slot);
        }

        MalformedLines += lines.MalformedLines;
        LastTelegramMalformedLines = lines.MalformedLines;
        LastTelegramFirstMalformedOffset = lines.FirstMalformedOffset;
        reading.ListLength = count;
        reading.ListVersion ??= _texts.Get(telegram.Identification, Encoding.ASCII);
        return reading;
    }

    private static bool ApplyField(MeterReading reading, ReadingField field, in P1Line line)
    {
        if (!line.TryGetNumber(0, out var number))
        {
            return false;
        }

        // The unit rules are the DLMS path's (ValueConverter): a power factor may come in percent.
        var info = ReadingFieldInfo.Of(field);
        var shift = 0;
        if (number.HasUnit)
        {
            if (!P1Units.TryGet(number.Unit, out var unit, out var prefixShift) || !ValueConverter.TryUnitShift(unit, info, out var unitShift))
            {
                return false;
            }

            shift = prefixShift + unitShift;
        }
        else if (info.BaseUnit != CosemUnit.Count)
        {
            return false;
        }

        var measurement = new Measurement(number.Mantissa, number.Exponent + shift - info.UnitShift);
        if (info.Quantity == Quantity.PowerFactor && !IsRatio(measurement))
        {
            // The schema's power factor is a ratio 0..1. Lithuanian ESO meters write 1-0:13.7.0(00998)
            // for 0.998, but nothing in the line says the resolution (00083: 0.83 or 0.083?): the
            // line stays in obis as written rather than a guess in the field.
            return false;
        }

        reading.Set(field, measurement);
        return true;
    }

    private static bool IsRatio(Measurement value) => value.ToDecimal() is >= -1m and <= 1m;

    /// <summary>
    /// The slot of line <paramref name="index"/>, holding what <paramref name="code"/> is to the reading:
    /// looked up again only when the line at that position has another code than last time.
    /// </summary>
    private LineSlot SlotAt(int index, ObisCode code)
    {
        LineSlot slot;
        if (index < _slots.Count)
        {
            slot = _slots[index];
        }
        else if (index < MaxSlots)
        {
            slot = new LineSlot();
            _slots.Add(slot);
        }
        else
        {
            slot = _overflowSlot;
        }

        if (slot.Code != code.Packed)
        {
            slot.Code = code.Packed;
            slot.Identity = Identities.TryGetValue(code.Packed, out var identity) ? identity : null;
            slot.Field = ObisMap.TryGetField(code, out var field) ? field : null;
            slot.Other = null;
        }

        return slot;
    }

    /// <summary>
    /// A line without a schema key, the first of each code only (see <see cref="MeterReading.AddOther"/>). A line
    /// written exactly as at the same position last time reuses last time's value: it is immutable, and
    /// what it holds follows from the code and the bytes alone.
    /// </summary>
    private static void AddOther(MeterReading reading, in P1Line line, LineSlot slot)
    {
        if (reading.HasOther(line.Obis))
        {
            return;
        }

        var groups = line.RawGroups;
        if (slot.Other is not { } value || !groups.SequenceEqual(slot.Groups.AsSpan(0, slot.GroupsLength)))
        {
            value = new ObisValue(line.Obis, P1ObisValues.Convert(line));
            slot.Remember(groups, value);
        }

        reading.AddOther(value);
    }


    private bool ApplyIdentity(MeterReading reading, Identity identity, in P1Line line, ref bool meterIdFromEquipmentId)
    {
        line.TryGetGroup(0, out var group);
        switch (identity)
        {
            case Identity.Version when !group.IsEmpty:
                reading.ListVersion = _texts.Get(group, Encoding.ASCII);
                return true;
            case Identity.Clock when line.TryGetTimestamp(0, out var timestamp):
                // The meter's wall clock; S/W says whether DST is in force but not which zone.
                reading.MeterTime = new MeterClock(timestamp.Local, null);
                return true;
            case Identity.EquipmentId when !group.IsEmpty:
                if (reading.MeterId is { } meterNumber && !meterIdFromEquipmentId)
                {
                    // A 96.1.0 came first and stood in for the equipment identifier: it is an ordinary value after all.
                    reading.AddOther(new ObisValue(MeterNumberCode, new CosemValue.Text(meterNumber)));
                }

                reading.MeterId = IdentifierText(group);
                meterIdFromEquipmentId = true;
                return true;
            case Identity.MeterNumber when !group.IsEmpty && !meterIdFromEquipmentId:
                reading.MeterId = IdentifierText(group);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An identifier written as hex ASCII (<c>4B384547…</c> is <c>K8EG…</c>); as written when it is not.</summary>
    private string IdentifierText(ReadOnlySpan<byte> group)
    {
        Span<byte> bytes = stackalloc byte[128];
        if (P1ObisValues.TryHexAscii(group, bytes, out var ascii))
        {
            return _texts.Get(ascii, Encoding.ASCII);
        }

        return _texts.Get(group, Encoding.Latin1);
    }

    /// <summary>
    /// The meter type from the identification line: what follows the FLAG id and the baud-rate character,
    /// without IEC 62056-21's <c>\W</c> enhanced-identification pairs and separators
    /// (<c>ISk5\2MT382-1000</c> is <c>MT382-1000</c>, <c>NES5:83335-3E</c> is <c>83335-3E</c>); null when
    /// nothing is left (<c>KAM5</c>).
    /// </summary>
    private string? MeterTypeOf(ReadOnlySpan<byte> identification)
    {
        var rest = identification.Length > 4 ? identification[4..] : [];
        while (rest.Length >= 2 && rest[0] == '\\')
        {
            rest = rest[2..];
        }

        rest = rest.Trim(" :"u8);
        return rest.IsEmpty ? null : _texts.Get(rest, Encoding.ASCII);
    }

    /// <summary>One line position: the code last seen there, what it is to the reading, and its last <c>obis</c> value.</summary>
    private sealed class LineSlot
    {
        /// <summary>Not an OBIS code (those have 48 bits), so the first line always looks its code up.</summary>
        public ulong Code { get; set; } = ulong.MaxValue;

        public Identity? Identity { get; set; }

        public ReadingField? Field { get; set; }

        /// <summary>The value made of <see cref="Groups"/> under <see cref="Code"/>; null when there is none.</summary>
        public ObisValue? Other { get; set; }

        public byte[] Groups { get; private set; } = [];

        public int GroupsLength { get; private set; }

        public void Remember(ReadOnlySpan<byte> groups, ObisValue value)
        {
            if (groups.Length > MaxRememberedGroupsLength)
            {
                Other = null;
                return;
            }

            if (Groups.Length < groups.Length)
            {
                Groups = new byte[Math.Max(groups.Length, 32)];
            }

            groups.CopyTo(Groups);
            GroupsLength = groups.Length;
            Other = value;
        }
    }
}
