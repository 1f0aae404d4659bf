using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// <c>han decode --format tree|hex</c> of a Czech compact-descriptor list walk the whole list (issue 12):
/// every element's OBIS code and value appears, in order, not only the first descriptor.
/// </summary>
public sealed class CompactListViewTests
{
    [Fact]
    public async Task DecodeTree_EgdCompactList_ShowsEveryElementAndItsValue()
    {
        var vector = Vectors.ById(CompactListExample.CaseId);

        var result = await HanRunner.Run("decode", "--format", "tree", HanRunner.TempFile(vector.Input));

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("cannot decode", StringComparison.Ordinal));
        var at = lines.IndexOf("array of 27 elements");
        Assert.True(at > 0, result.Stdout);
        foreach (var (descriptor, value) in CompactListExample.Elements)
        {
            at = lines.IndexOf(descriptor, at + 1);
            Assert.True(at > 0, $"'{descriptor}' is not in the tree after the elements before it:\n{result.Stdout}");
            Assert.Equal(value.Trim(), lines[at + 1]);
        }
    }

    [Fact]
    public async Task DecodeHex_EgdCompactList_ShowsEveryByteAndEveryElementsValue()
    {
        var vector = Vectors.ById(CompactListExample.CaseId);

        var result = await HanRunner.Run("decode", "--format", "hex", HanRunner.TempFile(vector.Input));

        Assert.Equal(0, result.ExitCode);
        var dumpLines = result.Stdout.Split('\n').Where(l => l.Length > 8 && Uri.IsHexDigit(l[0]) && l[6] == ' ').ToList();
        var bytes = dumpLines.SelectMany(l => l[8..Math.Min(l.Length, 55)].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(h => Convert.ToByte(h, 16)).ToArray();
        Assert.Equal(vector.Input, bytes);
        var labels = dumpLines.Select(l => l.Length > 57 ? l[57..].Trim() : string.Empty).Where(l => l.Length > 0).ToList();
        var obisLabels = labels.Select((label, index) => (label, index)).Where(l => l.label.StartsWith("OBIS ", StringComparison.Ordinal)).ToList();
        Assert.Equal(CompactListExample.Elements.Select(e => $"OBIS {CompactListExample.ObisOf(e.Descriptor)}, no tag"), obisLabels.Select(l => l.label));
        for (var i = 0; i < obisLabels.Count; i++)
        {
            // The value follows its descriptor: its text is what the tree shows after the type's name.
            var value = CompactListExample.Elements[i].TreeValue.Split(' ', 2)[1];
            var end = i + 1 < obisLabels.Count ? obisLabels[i + 1].index : labels.Count;
            var own = labels[obisLabels[i].index..end];
            if (value.Length > 0)
            {
                Assert.Contains(own, l => l.StartsWith("value " + value, StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains("length 0 bytes", own);
            }
        }
    }
}
