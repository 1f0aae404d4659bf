using Han.Protocol.Diagnostics;

namespace Han.Cli.Views;

/// <summary><c>--format tree</c>: the structure of each frame and its COSEM data, one item per line.</summary>
internal sealed class TreeView : AnnotationView
{
    public TreeView(Stream output)
        : base(output)
    {
    }

    protected override void Print(byte[] bytes, long baseOffset, IReadOnlyList<Annotation> annotations)
    {
        foreach (var annotation in annotations)
        {
            if (annotation.TreeLine is { } line)
            {
                WriteLine(Indent(annotation.Depth) + line);
            }
        }
    }
}
