using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Han.Sources.Mqtt;

/// <summary>What went wrong with a broker, in words that say what to check, never with the password.</summary>
internal static class MqttFailureText
{
    public static bool IsAboutCredentials(MqttClientConnectResultCode code) =>
        code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadAuthenticationMethod;

    public static string OfCredentials(MqttClientConnectResultCode code, string? user) => user is null
        ? $"the broker wants a user name and password ({code}); write them into the source as mqtt://USER:PASS@HOST/TOPIC"
        : $"the broker refused the user name '{user}' or its password ({code}); check both (a '@', ':' or '/' in them is written %40, %3A, %2F)";

    public static string OfConnecting(Exception failure, MqttSourceAddress address, TimeSpan timeout)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => $"connection refused (is the broker running and listening on port {address.Port}?)",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"no host called {address.Host} is known (check the name, or use its address)",
                        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{address.Host} cannot be reached (is it on, and on this network?)",
                        _ => socket.Message,
                    };
                case AuthenticationException tls:
                    return $"the TLS handshake failed ({tls.Message}); is port {address.Port} a TLS port, and is the broker's certificate trusted by this system?";
            }
        }

        return failure is OperationCanceledException or MqttCommunicationTimedOutException
            ? $"no answer within {timeout.TotalSeconds:0} s (is the host on and the port open{(address.Tls ? string.Empty : ", and is it not a TLS-only port")}?)"
            : failure.Message;
    }

    /// <summary>Why the broker's certificate is not accepted, or null when it is.</summary>
    public static string? OfCertificate(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "the broker's TLS certificate is not made out to the host name in the source (use the name the certificate names)";
        }

        var status = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct() ?? [];
        return $"the broker's TLS certificate is not trusted by this system ({string.Join(", ", status.DefaultIfEmpty(errors.ToString()))}); add its CA to the system's trust store (/usr/local/share/ca-certificates, then update-ca-certificates)";
    }

    public static string OfDisconnection(MqttClientDisconnectedEventArgs disconnected)
    {
        var reason = disconnected.Reason switch
        {
            MqttClientDisconnectReason.NormalDisconnection => "the broker closed the connection",
            MqttClientDisconnectReason.ServerShuttingDown => "the broker is shutting down",
            MqttClientDisconnectReason.SessionTakenOver => "another client connected with the same client id",
            MqttClientDisconnectReason.KeepAliveTimeout => "the broker stopped answering",
            _ => $"the connection ended ({disconnected.Reason})",
        };
        return disconnected.Exception is { } failure ? $"{reason}: {failure.GetBaseException().Message}" : reason;
    }
}
