using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Han.TestCorpus.Servers;

/// <summary>
/// A real ser2net 4 (Debian's <c>/usr/sbin/ser2net</c>) in the foreground, bridging a serial device (one
/// end of a <see cref="PseudoTerminalPair"/> in tests) to raw TCP on a free loopback port, as users put a
/// meter's adapter on a network: raw TCP, <c>kickolduser</c>, the line setting with <c>local</c> (no modem
/// lines), and no banner (ser2net would put its text into the meter's byte stream). <see cref="Kill"/> ends it as a crash or a power cut
/// does (SIGKILL: what it held is lost); <see cref="Restart"/> starts it again on the same port. ser2net
/// is installed by test.sh; without it the test fails, it is never skipped.
/// </summary>
public sealed class Ser2NetBridge : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-ser2net-").FullName;
    private readonly string _configuration;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="device">The serial device to bridge.</param>
    /// <param name="lineSetting">ser2net's form: speed, parity (n, e, o), data bits, stop bits.</param>
    public Ser2NetBridge(string device, string lineSetting = "2400e81")
        : this(port => $"""
            %YAML 1.1
            ---
            connection: &meter
                accepter: tcp,127.0.0.1,{port}
                enable: on
                options:
                  kickolduser: true
                connector: serialdev,{device},{lineSetting},local

            """, "ser2net.yaml")
    {
    }

    /// <param name="configuration">The configuration for the free loopback port it is given (an example file with its port replaced).</param>
    /// <param name="fileName">ser2net reads a file whose name ends in .yaml as YAML, any other in ser2net 3's line format.</param>
    public Ser2NetBridge(Func<int, string> configuration, string fileName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Port = LoopbackPort.Free();
        _configuration = Path.Combine(_folder, fileName);
        File.WriteAllText(_configuration, configuration(Port));
        Start();
    }

    public int Port { get; }

    /// <summary>The SOURCE han reads the bridge by.</summary>
    public string Address => $"tcp://127.0.0.1:{Port}";

    /// <summary>What ser2net logged so far (every complaint about its configuration names the file).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until ser2net has <paramref name="device"/> open, read from its descriptors in /proc: it opens
    /// the device only when a client connects, and bytes the meter sends before that never reach the client.
    /// </summary>
    public async Task WaitUntilDeviceOpenAsync(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var target = new FileInfo(device).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? device;
        var deadline = DateTime.UtcNow + Patience;
        while (!HasOpen(target))
        {
            if (_process is null or { HasExited: true } || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"ser2net did not open {device} within {Patience.TotalSeconds:0} s; its log: {Log}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private bool HasOpen(string device)
    {
        try
        {
            return Directory.GetFiles($"/proc/{_process!.Id}/fd").Any(descriptor => new FileInfo(descriptor).LinkTarget == device);
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return false; // a descriptor closed while being read, or ser2net ended: the caller looks again
        }
    }

    /// <summary>Ends ser2net at once (SIGKILL), as a crash does: its client's connection is closed by the system.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts ser2net again with the same configuration, once it is listening.</summary>
    public void Restart()
    {
        Kill();
        Start();
    }

    public void Dispose()
    {
        Kill();
        Directory.Delete(_folder, recursive: true);
    }

    private void Start()
    {
        // -d: the foreground (-n) with ser2net's log on standard output, kept for the failure message;
        // -u: no UUCP lock files, which a killed ser2net would leave in the shared /var/lock.
        var start = new ProcessStartInfo(Executable())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-d", "-u", "-c", _configuration })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("ser2net is not installed; ./test.sh installs it (apt-get install ser2net)", missing);
        }

        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>
    /// Waits until the port is in the LISTEN state. Connecting to find out would not do: ser2net opens the
    /// device for each client and hands it the meter's bytes, and kickolduser would throw the real client out.
    /// </summary>
    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!LoopbackPort.IsListening(Port))
        {
            if (_process!.HasExited || DateTime.UtcNow > deadline)
            {
                var why = _process.HasExited ? $"it ended with exit code {_process.ExitCode}" : $"it did not listen within {Patience.TotalSeconds:0} s";
                throw new InvalidOperationException($"ser2net did not start on port {Port}: {why}; its log: {Log}");
            }

            Thread.Sleep(20);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Append(line).Append('\n');
            }
        }
    }

    /// <summary>Debian installs ser2net in /usr/sbin, which is not on every user's PATH.</summary>
    private static string Executable() =>
        File.Exists("/usr/sbin/ser2net") ? "/usr/sbin/ser2net" : "ser2net";
}
