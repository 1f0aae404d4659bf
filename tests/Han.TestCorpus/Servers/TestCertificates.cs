using System.Diagnostics;

namespace Han.TestCorpus.Servers;

/// <summary>
/// A self-signed test CA and two certificates it signs, made with openssl in a folder: one for a server
/// on 127.0.0.1 and localhost, one for a client (for brokers that ask clients for a certificate). PEM
/// files, as mosquitto and han's configuration take them.
/// </summary>
public sealed class TestCertificates
{
    public TestCertificates(string folder)
    {
        Directory.CreateDirectory(folder);
        Folder = folder;
        Openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=han test CA",
            "-keyout", Path.Combine(folder, "ca.key"), "-out", CaFile);
        Sign("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        Sign("client", "/CN=han test client", "extendedKeyUsage=clientAuth");
    }

    public string Folder { get; }

    public string CaFile => Path.Combine(Folder, "ca.crt");

    public string ServerCertificateFile => Path.Combine(Folder, "server.crt");

    public string ServerKeyFile => Path.Combine(Folder, "server.key");

    public string ClientCertificateFile => Path.Combine(Folder, "client.crt");

    public string ClientKeyFile => Path.Combine(Folder, "client.key");

    private void Sign(string name, string subject, string extension)
    {
        var key = Path.Combine(Folder, name + ".key");
        var request = Path.Combine(Folder, name + ".csr");
        var extensions = Path.Combine(Folder, name + ".ext");
        File.WriteAllText(extensions, extension + "\n");
        Openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", key, "-out", request);
        Openssl("x509", "-req", "-in", request, "-CA", CaFile, "-CAkey", Path.Combine(Folder, "ca.key"), "-CAcreateserial",
            "-days", "2", "-extfile", extensions, "-out", Path.Combine(Folder, name + ".crt"));
    }

    private static void Openssl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("openssl is not installed; ./test.sh installs it", missing);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
            }
        }
    }
}
