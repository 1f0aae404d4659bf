using BenchmarkDotNet.Running;
using Han.Benchmarks.MqttLatency;

namespace Han.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher, or with <c>mqtt-latency</c> first the MQTT latency harness, which times
    /// each reading on its own (percentiles of thousands of readings, not a mean per operation).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["mqtt-latency", .. var rest])
        {
            return MqttLatencyRun.RunAsync(LatencyScenario.Parse(rest)).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
