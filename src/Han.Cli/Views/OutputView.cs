using Han.Pipeline;

namespace Han.Cli.Views;

/// <summary>A decode output format: an observer of the decoder that writes to standard output.</summary>
internal abstract class OutputView : DecodeObserver, IDisposable
{
    protected OutputView(Stream output)
    {
        Output = output;
    }

    protected Stream Output { get; }

    /// <summary>Called before each input, with its name and whether several inputs are decoded.</summary>
    public virtual void BeginInput(string name, bool several)
    {
    }

    /// <summary>Called after each input with its totals.</summary>
    public virtual void EndInput(DecodeCounters counters)
    {
    }

    public virtual void Flush() => Output.Flush();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }
    }

    public static OutputView Create(OutputFormat format, Stream output) => format switch
    {
        OutputFormat.Json => new JsonLinesView(output),
        OutputFormat.Hex => new HexView(output),
        OutputFormat.Tree => new TreeView(output),
        OutputFormat.Fields => new FieldsView(output),
        _ => new TextView(output),
    };
}
