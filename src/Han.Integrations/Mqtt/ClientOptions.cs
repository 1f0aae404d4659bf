using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Han.Integrations.Mqtt;

/// <summary>
/// MQTTnet's options for han's connection: the last will (<c>offline</c>, retained, on the status topic),
/// a persistent session (clean session off, so that the broker keeps han's QoS 1 state across a
/// reconnect), credentials, and TLS against the system's trust store or one CA file.
/// </summary>
internal static class ClientOptions
{
    public const string Online = "online";
    public const string Offline = "offline";

    /// <summary>How long a TCP connect and the CONNACK may take before the attempt counts as failed.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static MqttClientOptions Build(MqttConnectionOptions options, string statusTopic)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(options.Protocol == MqttProtocol.V5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(options.KeepAlive ?? MqttConnectionOptions.DefaultKeepAlive)
            .WithTimeout(ConnectTimeout)
            .WithCleanSession(false)
            .WithWillTopic(statusTopic)
            .WithWillPayload(Encoding.UTF8.GetBytes(Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (options.Protocol == MqttProtocol.V5)
        {
            // MQTT 5 ends a session when its connection does unless told otherwise; keep it a day.
            builder.WithSessionExpiryInterval((uint)TimeSpan.FromDays(1).TotalSeconds);
        }

        if (options.Username is { } user)
        {
            builder.WithCredentials(user, options.Password);
        }

        if (options.Tls is { } tls)
        {
            builder.WithTlsOptions(Tls(tls, options.Host));
        }

        return builder.Build();
    }

    private static MqttClientTlsOptions Tls(MqttTls tls, string host)
    {
        var builder = new MqttClientTlsOptionsBuilder().WithTargetHost(host);
        if (tls.CaFile is { } caFile)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            builder.WithCertificateValidationHandler(context => TrustedBy(authorities, context.Certificate, context.SslPolicyErrors));
        }

        if (tls.CertificateFile is { } certificateFile)
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificateFile, tls.KeyFile);
            builder.WithClientCertificates([certificate]);
        }

        return builder.Build();
    }

    /// <summary>
    /// The broker's certificate is for the host han asked for and chains to one of the given CAs (and to
    /// no other: a CA file means "this CA", as mosquitto_sub's --cafile does).
    /// </summary>
    private static bool TrustedBy(X509Certificate2Collection authorities, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a home broker's own CA publishes no revocation list
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
