using System.Globalization;
using Han.Protocol.Axdr;

namespace Han.Protocol.Diagnostics;

/// <summary>
/// Names the bytes of a Czech compact-descriptor list (<see cref="CompactDescriptorList"/>) for the hex
/// and tree views. Read as plain A-XDR, its first untagged descriptor would look like a null and an
/// empty array followed by an unknown tag, and the views would stop there; so each element's class id,
/// OBIS code and attribute are named as what they are, and its tagged value as any A-XDR value.
/// </summary>
internal static class CompactListAnnotator
{
    /// <summary>
    /// Annotates the whole list; the caller has checked with <see cref="CompactDescriptorList.TryRecognise"/>
    /// that <paramref name="reader"/> holds one, so it reads to the end of it.
    /// </summary>
    public static void Annotate(ref AxdrReader reader, int baseOffset, int depth, List<Annotation> output)
    {
        FrameAnnotator.AnnotateContainerHead(reader.Read(), baseOffset, depth, output);
        FrameAnnotator.AnnotateData(ref reader, baseOffset, depth + 1, output, 1);
        var array = reader.Read();
        FrameAnnotator.AnnotateContainerHead(array, baseOffset, depth + 1, output);
        for (var i = 0; i < array.Count; i++)
        {
            var start = baseOffset + reader.Position;
            if (!reader.TryReadCompactDescriptor(out var classId, out var code, out var attribute))
            {
                // TryRecognise walked the same bytes; a caller that did not ask it gets a plain error.
                throw new DecodeException(DecodeLayer.Axdr, DecodeError.UnexpectedElement, reader.Position, "not a compact descriptor");
            }

            var descriptor = string.Create(CultureInfo.InvariantCulture, $"class {classId} ({ClassName(classId)}), OBIS {code}, attribute {attribute}");
            output.Add(new Annotation(start, 2, depth + 2, "structure of 2 members (descriptor, value); the descriptor's fields carry no tags", descriptor));
            output.Add(new Annotation(start + 2, 2, depth + 3, string.Create(CultureInfo.InvariantCulture, $"class id {classId} ({ClassName(classId)}), no tag")));
            output.Add(new Annotation(start + 4, 6, depth + 3, $"OBIS {code}, no tag"));
            output.Add(new Annotation(start + 10, 1, depth + 3, string.Create(CultureInfo.InvariantCulture, $"attribute {attribute}, no tag")));
            FrameAnnotator.AnnotateData(ref reader, baseOffset, depth + 3, output, 3);
        }
    }

    /// <summary>The interface classes these lists carry (IEC 62056-6-2), so a reader of the view need not look them up.</summary>
    private static string ClassName(int classId) => classId switch
    {
        1 => "data",
        3 => "register",
        4 => "extended register",
        5 => "demand register",
        7 => "profile generic",
        8 => "clock",
        40 => "push setup",
        70 => "disconnect control",
        71 => "limiter",
        _ => "interface class",
    };
}
