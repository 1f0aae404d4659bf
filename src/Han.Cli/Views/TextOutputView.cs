using System.Globalization;
using System.Text;
using Han.Pipeline;
using Han.Protocol;

namespace Han.Cli.Views;

/// <summary>Base for the line-oriented text views: a UTF-8 writer, problem lines, a file header.</summary>
internal abstract class TextOutputView : OutputView
{
    protected TextOutputView(Stream output)
        : base(output)
    {
        Writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
    }

    protected StreamWriter Writer { get; }

    public override void BeginInput(string name, bool several)
    {
        if (several)
        {
            Writer.WriteLine($"== {name}");
        }
    }

    public override void OnProblem(in DecodeProblem problem) =>
        Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"problem at byte {problem.Offset}: {problem.Error.Name()} ({problem.Layer.Name()}): {problem.Detail}"));

    public override void Flush()
    {
        Writer.Flush();
        base.Flush();
    }
}
