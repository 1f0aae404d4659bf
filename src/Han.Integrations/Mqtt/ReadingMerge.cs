using Han.Live;
using Han.Readings;

namespace Han.Integrations.Mqtt;

/// <summary>
/// A meter's state so far as one reading: every value of the newest reading, and every value an older
/// one sent that the newest left out (list 1 of Aidon and Kaifa carries only power; the registers of
/// the last hourly list stay until the next).
/// </summary>
internal static class ReadingMerge
{
    public static MeterReading Merge(MeterReading? older, MeterReading newer, MeterIdentity identity)
    {
        var merged = new MeterReading
        {
            MeterManufacturer = newer.MeterManufacturer ?? identity.Manufacturer ?? older?.MeterManufacturer,
            MeterId = newer.MeterId ?? identity.MeterId ?? older?.MeterId,
            MeterType = newer.MeterType ?? identity.MeterType ?? older?.MeterType,
            ListVersion = newer.ListVersion ?? identity.ListVersion ?? older?.ListVersion,
            MeterTime = newer.MeterTime ?? older?.MeterTime,
            Received = newer.Received ?? older?.Received,
            Profile = newer.Profile,
            ListLength = newer.ListLength,
        };
        foreach (var info in ReadingFieldInfo.Fields)
        {
            if (newer.TryGet(info.Field, out var value) || (older is not null && older.TryGet(info.Field, out value)))
            {
                merged.Set(info.Field, value);
            }
        }

        // The newest first: a code both sent keeps the newest value (the first one added stays).
        foreach (var other in newer.Other.Concat(older?.Other ?? []))
        {
            merged.AddOther(other);
        }

        return merged;
    }
}
