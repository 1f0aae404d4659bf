namespace Han.Protocol.Axdr;

/// <summary>
/// The push list of Czech distributors (ČEZ Distribuce, EG.D; Sagemcom XT211 and others):
/// <c>structure(2) { enum, array(n) { structure(2) { descriptor, value } } }</c> where each descriptor is
/// the class id (2 bytes), OBIS code (6) and attribute (1) WITHOUT A-XDR tags, and only the value is
/// tagged (EG.D HAN specification example; esphome-libs/dlms_parser tests/dumps/raw_sagecom_xt211.log).
/// Such a body is not plain A-XDR, so it is recognised by walking it whole.
/// </summary>
public static class CompactDescriptorList
{
    /// <summary><c>02 02</c>, class id, OBIS code and attribute.</summary>
    public const int DescriptorLength = 2 + 2 + 6 + 1;

    /// <summary>
    /// True when <paramref name="body"/> is one whole compact-descriptor list; <paramref name="count"/>
    /// is then its number of elements and <paramref name="firstElement"/> the offset of the first.
    /// </summary>
    public static bool TryRecognise(ReadOnlySpan<byte> body, out int count, out int firstElement)
    {
        count = 0;
        firstElement = 0;

        // Cheap test first: this runs on every list, and other lists do not start with 02 02 <simple> ... 01.
        if (body.Length < 4 || body[0] != (byte)DataType.Structure || body[1] != 2)
        {
            return false;
        }

        try
        {
            var reader = new AxdrReader(body[2..]);
            if (reader.Read().IsContainer)
            {
                return false;
            }

            var array = reader.Read();
            if (array.Type != DataType.Array || array.Count == 0)
            {
                return false;
            }

            var start = reader.Position;
            for (var i = 0; i < array.Count; i++)
            {
                if (!reader.TryReadCompactDescriptor(out _, out _, out _))
                {
                    return false;
                }

                reader.SkipValue();
            }

            if (!reader.IsAtEnd)
            {
                return false;
            }

            count = array.Count;
            firstElement = 2 + start;
            return true;
        }
        catch (DecodeException)
        {
            // Not this format (or malformed): the plain A-XDR reading reports what is wrong.
            return false;
        }
    }
}
