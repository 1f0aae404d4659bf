using System.Globalization;
using System.Text;
using Han.Pipeline;
using Han.Protocol;

namespace Han.Cli.Views;

/// <summary>
/// Base for the line-oriented text views: problem lines, a file header, and the only way to write.
/// The writer stays private and every line goes through <see cref="WriteLine(string)"/>, which escapes
/// the line's control and bidirectional characters (<see cref="PrintableText"/>): meter text and problem
/// details can hold anything, and no view can print them raw by mistake. The newline that ends a line
/// is the only control character a text view emits, so a meter string cannot forge an output line.
/// </summary>
internal abstract class TextOutputView : OutputView
{
    private readonly StreamWriter _writer;

    protected TextOutputView(Stream output)
        : base(output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
    }

    public override void BeginInput(string name, bool several)
    {
        if (several)
        {
            WriteLine($"== {name}");
        }
    }

    public override void OnProblem(in DecodeProblem problem) =>
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"problem at byte {problem.Offset}: {problem.Error.Name()} ({problem.Layer.Name()}): {problem.Detail}"));

    public override void Flush()
    {
        _writer.Flush();
        base.Flush();
    }

    /// <summary>Writes one line, its content escaped, then the newline.</summary>
    protected void WriteLine(string line)
    {
        _writer.Write(PrintableText.Escape(line));
        _writer.Write('\n');
    }

    /// <summary>Writes an empty line.</summary>
    protected void WriteLine() => _writer.Write('\n');
}
