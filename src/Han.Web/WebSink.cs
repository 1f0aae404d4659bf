using Han.Live.Fanout;

namespace Han.Web;

/// <summary>han run's output to the web server for one meter: keeps its <see cref="LiveMeter"/> up to date.</summary>
public sealed class WebSink(LiveMeter meter) : IMeterSink
{
    public string Name => $"web {meter.Name}";

    public bool Accepts(MeterEvent item) => item is ReadingMade or LineStatus;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case ReadingMade made:
                meter.Add(made);
                break;
            case LineStatus line:
                meter.Add(line);
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to make durable: the state lives in memory.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
