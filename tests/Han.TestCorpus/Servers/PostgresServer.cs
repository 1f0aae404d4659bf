using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Han.TestCorpus.Servers;

/// <summary>
/// A real PostgreSQL server (Debian's, 15) of its own: <c>initdb</c> into a temporary folder, then
/// <c>postgres</c> on a free loopback port with trust authentication on loopback only, stopped and
/// removed at dispose. PostgreSQL refuses to run as root, so under root both run as the <c>postgres</c>
/// user (runuser) in a folder it owns. fsync is off: a test's data need not survive a power cut. Each
/// test takes a database of its own (<see cref="CreateDatabase"/>). Installed by test.sh (postgresql);
/// without it the test fails, it is never skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static int s_databases;

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-postgres-").FullName;
    private readonly StringBuilder _log = new();
    private readonly Process _process;
    private readonly string _data;

    public PostgresServer()
        : this(LoopbackPort.Free())
    {
    }

    /// <summary>A server on <paramref name="port"/>: a test that starts a client first, to see it wait for the server.</summary>
    public static PostgresServer OnPort(int port) => new(port);

    // Not public: xunit takes a class fixture only with a single public constructor.
    private PostgresServer(int port)
    {
        if (!File.Exists(Path.Combine(Binaries, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Binaries}/postgres is missing); ./test.sh installs it (apt-get install postgresql)");
        }

        Port = port;
        _data = Path.Combine(_folder, "data");
        var data = _data;
        if (Environment.UserName == "root")
        {
            Run("chown", ["postgres:postgres", _folder]);
        }

        Run(Tool("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        var start = Start(Tool("postgres"), ["-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _folder, "-c", "listen_addresses=127.0.0.1", "-F"]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady();
    }

    public int Port { get; }

    /// <summary>What the server logged so far.</summary>
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

    /// <summary>Makes a new, empty database and returns its Npgsql connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"han_test_{Interlocked.Increment(ref s_databases)}";
        Run(Tool("psql"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}"]);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public void Dispose()
    {
        // The process started is runuser under root, not postgres itself: pg_ctl ends the server and its
        // workers (immediate: nothing of a test's data needs saving), then runuser ends.
        if (!_process.HasExited)
        {
            Run(Tool("pg_ctl"), ["stop", "-D", _data, "-m", "immediate", "-w"]);
            if (!_process.WaitForExit(Patience))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Ready())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = _process.HasExited ? $"it ended with exit code {_process.ExitCode}" : $"it was not ready within {Patience.TotalSeconds:0} s";
                throw new InvalidOperationException($"PostgreSQL did not start on port {Port}: {why}; its log: {Log}");
            }

            Thread.Sleep(50);
        }
    }

    private bool Ready()
    {
        var start = Start(Tool("pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-q"]);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
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

    private static string Tool(string name) => Path.Combine(Binaries, name);

    /// <summary>The tool as the postgres user when the tests run as root (PostgreSQL will not run as root).</summary>
    private static ProcessStartInfo Start(string file, string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : file) { UseShellExecute = false };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs a tool to its end (as the postgres user under root, except chown); its error output when it fails.</summary>
    private static void Run(string file, string[] arguments)
    {
        var start = file == "chown" ? new ProcessStartInfo(file, arguments) : Start(file, arguments);
        start.UseShellExecute = false;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
