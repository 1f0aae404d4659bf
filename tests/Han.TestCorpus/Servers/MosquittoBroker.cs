using System.Diagnostics;
using System.Text;

namespace Han.TestCorpus.Servers;

/// <summary>
/// A real mosquitto (Debian's <c>/usr/sbin/mosquitto</c>, 2.0) in the foreground on a free loopback
/// port, with its own configuration, persistence folder and log, as a test's broker. Optionally with
/// users and passwords (no anonymous clients then) and a TLS listener on a second port whose
/// certificates it makes with openssl (<see cref="TestCertificates"/>). <see cref="Kill"/> ends it as a
/// crash does, <see cref="Stop"/> as systemd does (SIGTERM: it saves its persistence file first), and
/// <see cref="Start"/> starts it again on the same ports with the same persistence. mosquitto is
/// installed by test.sh; without it the test fails, it is never skipped.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-mosquitto-").FullName;
    private readonly string _configuration;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="users">User names with their passwords; none lets anyone in without one.</param>
    /// <param name="tls">Also listen with TLS on <see cref="TlsPort"/>, with a certificate for 127.0.0.1 and localhost signed by a test CA.</param>
    /// <param name="requireClientCertificate">With TLS: refuse clients without a certificate signed by the same CA.</param>
    /// <param name="acl">Lines of an ACL file (<c>user han</c>, <c>topic write other/#</c>): then a client may use only the topics it grants.</param>
    public MosquittoBroker(IReadOnlyDictionary<string, string>? users = null, bool tls = false, bool requireClientCertificate = false, IEnumerable<string>? acl = null)
    {
        Port = LoopbackPort.Free();
        var lines = new List<string>
        {
            $"listener {Port} 127.0.0.1",
            "persistence true",
            $"persistence_location {_folder}/",
            "log_dest stderr", // unbuffered: each line arrives as it is logged
            "log_type all",
            // QoS 1 messages for a client that is away wait for it, whatever their number.
            "max_queued_messages 100000",
        };
        if (Environment.UserName == "root")
        {
            lines.Add("user root"); // otherwise mosquitto becomes the user mosquitto, who cannot read this folder
        }

        if (users is { Count: > 0 })
        {
            var passwords = Path.Combine(_folder, "passwords");
            foreach (var (user, password) in users)
            {
                var create = File.Exists(passwords) ? [] : new[] { "-c" };
                Run("mosquitto_passwd", [.. create, "-b", passwords, user, password]);
            }

            lines.AddRange(["allow_anonymous false", $"password_file {passwords}"]);
        }
        else
        {
            lines.Add("allow_anonymous true");
        }

        if (acl is not null)
        {
            var aclFile = Path.Combine(_folder, "acl");
            File.WriteAllLines(aclFile, acl);
            lines.Add($"acl_file {aclFile}");
        }

        if (tls)
        {
            Certificates = new TestCertificates(Path.Combine(_folder, "certificates"));
            TlsPort = LoopbackPort.Free();
            lines.AddRange([
                $"listener {TlsPort} 127.0.0.1",
                $"cafile {Certificates.CaFile}",
                $"certfile {Certificates.ServerCertificateFile}",
                $"keyfile {Certificates.ServerKeyFile}",
                $"require_certificate {(requireClientCertificate ? "true" : "false")}",
            ]);
        }

        _configuration = Path.Combine(_folder, "mosquitto.conf");
        // Settings given before the first listener would apply to it only with per_listener_settings;
        // without it (the default) they are global, as here.
        File.WriteAllLines(_configuration, lines);
        Start();
    }

    public int Port { get; }

    /// <summary>The TLS listener's port, 0 without TLS.</summary>
    public int TlsPort { get; }

    /// <summary>The certificates of the TLS listener (and a client's, signed by the same CA); null without TLS.</summary>
    public TestCertificates? Certificates { get; }

    public string Host { get; } = "127.0.0.1";

    /// <summary>What mosquitto logged so far (connections, refused passwords, subscriptions).</summary>
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

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts mosquitto (again) and returns once both ports listen.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Executable())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_configuration);
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("mosquitto is not installed; ./test.sh installs it (apt-get install mosquitto mosquitto-clients)", missing);
        }

        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening(Port);
        if (TlsPort != 0)
        {
            WaitUntilListening(TlsPort);
        }
    }

    /// <summary>Ends mosquitto at once (SIGKILL): what it had not saved is lost, its clients' connections close.</summary>
    public void Kill() => End(kill: true);

    /// <summary>Stops mosquitto as a service manager does (SIGTERM): it saves its persistence file and ends.</summary>
    public void Stop() => End(kill: false);

    public void Dispose()
    {
        Kill();
        Directory.Delete(_folder, recursive: true);
    }

    private void End(bool kill)
    {
        if (_process is { HasExited: false } process)
        {
            if (kill)
            {
                process.Kill();
            }
            else
            {
                Run("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            if (!process.WaitForExit((int)Patience.TotalMilliseconds))
            {
                process.Kill();
                process.WaitForExit();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!LoopbackPort.IsListening(port))
        {
            if (_process!.HasExited || DateTime.UtcNow > deadline)
            {
                var why = _process.HasExited ? $"it ended with exit code {_process.ExitCode}" : $"it did not listen within {Patience.TotalSeconds:0} s";
                throw new InvalidOperationException($"mosquitto did not start on port {port}: {why}; its log: {Log}");
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

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }

    /// <summary>Debian installs mosquitto in /usr/sbin, which is not on every user's PATH.</summary>
    private static string Executable() =>
        File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
}
