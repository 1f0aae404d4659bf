using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;

namespace Han.Integrations.Mqtt;

/// <summary>
/// Why han cannot reach or use its broker, in words a user can act on. The text of one kind of trouble
/// stays the same from attempt to attempt, so that the connection tells it once and again only when it
/// changes (never a stack trace per retry).
/// </summary>
internal static class ConnectionProblem
{
    public static string Describe(Exception problem, MqttConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var broker = $"the MQTT broker at {options.Address}";
        if (problem is BrokerRefusedException refused)
        {
            var code = refused.Code;
            return code switch
            {
                MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized =>
                    $"{broker} refused the user name or password ({(options.Username is null ? "none given" : $"user '{options.Username}'")}: {code}); check mqtt.username and mqtt.password (or mqtt.password_file) against the broker's users",
                MqttClientConnectResultCode.ClientIdentifierNotValid =>
                    $"{broker} refused the client id '{options.ClientId}'; set another with mqtt.client_id",
                MqttClientConnectResultCode.UnsupportedProtocolVersion =>
                    $"{broker} does not speak MQTT {Version(options.Protocol)}; set mqtt.protocol to {(options.Protocol == MqttProtocol.V5 ? "3.1.1" : "5")}",
                _ => $"{broker} refused the connection ({code})",
            };
        }

        var cause = Innermost(problem);
        return cause switch
        {
            AuthenticationException tls =>
                $"the TLS handshake with {broker} failed ({tls.Message}); check mqtt.tls (mqtt.tls.ca_file must hold the CA that signed the broker's certificate, and mqtt.host must be a name the certificate is for)",
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                $"{broker} refuses connections (nothing listens on port {options.Port}); check that the broker runs and mqtt.host and mqtt.port",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
                $"the MQTT broker's host name '{options.Host}' is not known; check mqtt.host",
            SocketException socket =>
                $"{broker} cannot be reached ({socket.Message}); check mqtt.host and mqtt.port and the network",
            TimeoutException or OperationCanceledException =>
                $"{broker} did not answer in time; check mqtt.host and mqtt.port (a TLS port needs mqtt.tls, a plain one must not have it)",
            _ => $"{broker} cannot be used ({cause.Message})",
        };
    }

    /// <summary>Another client keeps taking han's client id (<see cref="ClientIdRivalry"/>); told once.</summary>
    /// <param name="longestWait">The wait han keeps from now on after each lost connection.</param>
    public static string Rival(MqttConnectionOptions options, TimeSpan longestWait)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"another client connects to the MQTT broker at {options.Address} with han's client id '{options.ClientId}', and the broker ends one connection whenever the other connects "
            + "(a second han, such as one started by hand beside the service, or another program given this id); "
            + $"set mqtt.client_id to an id of its own for one of them. Until then han waits up to {Duration(longestWait)} after each lost connection and tells no more of them";
    }

    /// <summary><c>60 s</c>, <c>3 min</c>.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s" : $"{span.TotalMinutes:0} min";

    public static string Version(MqttProtocol protocol) => protocol == MqttProtocol.V5 ? "5" : "3.1.1";

    private static Exception Innermost(Exception problem)
    {
        var cause = problem;
        while (cause.InnerException is { } inner && cause is not AuthenticationException)
        {
            cause = inner;
        }

        return cause;
    }
}
