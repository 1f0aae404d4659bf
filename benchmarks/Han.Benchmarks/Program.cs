using BenchmarkDotNet.Running;
using Han.Benchmarks.MqttLatency;

namespace Han.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher; or with <c>mqtt-latency</c> first the MQTT latency harness, which times
    /// each reading on its own (percentiles of thousands of readings, not a mean per operation); or with
    /// <c>history-api [N]</c> the history API's timing over HTTP (HistoryApi/HistoryApiRun.cs).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["mqtt-latency", .. var rest])
        {
            return MqttLatencyRun.RunAsync(LatencyScenario.Parse(rest)).GetAwaiter().GetResult();
        }

        if (args is ["history-api", .. var options])
        {
            var requests = options is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 500;
            return HistoryApi.HistoryApiRun.RunAsync(requests).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
