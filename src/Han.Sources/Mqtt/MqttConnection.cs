using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Han.Sources.Live;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Han.Sources.Mqtt;

/// <summary>
/// The MQTTnet client of one MQTT source: connects, subscribes with QoS 1, and after a lost connection
/// waits (capped back-off) and does both again, for as long as the source is read. Messages and state
/// changes go into the source's inbox, so the source reports them on its reader's own flow. A refusal
/// that retrying cannot fix (user name or password, no right to the topic) completes the inbox with a
/// <see cref="SourceUnavailableException"/>.
/// </summary>
internal sealed class MqttConnection
{
    private readonly MqttSourceAddress _address;
    private readonly MqttSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;
    private readonly ChannelWriter<Delivery> _inbox;
    private string? _lastFailure;
    private MqttClientConnectResultCode? _refusal;
    private string? _certificateProblem;

    public MqttConnection(MqttSourceAddress address, MqttSourceOptions options, TimeProvider time, Backoff backoff, ChannelWriter<Delivery> inbox)
    {
        _address = address;
        _options = options;
        _time = time;
        _backoff = backoff;
        _inbox = inbox;
    }

    private string Display => _address.Display;

    public async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += received => _inbox.WriteAsync(
            new Delivery(received.ApplicationMessage.Payload.ToArray(), received.ApplicationMessage.Topic, received.ApplicationMessage.Retain, _time.GetUtcNow()),
            cancellationToken).AsTask();
        client.DisconnectedAsync += disconnected =>
        {
            // A refused connect ends here too, with the broker's answer (the exception carries no code).
            _refusal = disconnected.ConnectResult?.ResultCode;
            if (disconnected.ClientWasConnected)
            {
                lost.TrySetResult(MqttFailureText.OfDisconnection(disconnected));
            }

            return Task.CompletedTask;
        };

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                var failure = await ConnectAndSubscribeAsync(client, cancellationToken).ConfigureAwait(false);
                if (failure is null)
                {
                    failure = await lost.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    failure = $"lost the connection to {Display}: {failure}";
                }

                await WaitAfterAsync(failure, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The source is no longer read.
        }
        catch (SourceUnavailableException refused)
        {
            _inbox.TryComplete(refused);
            return;
        }
        catch (Exception unexpected)
        {
            // The reader waits on the inbox: it must end with the failure rather than wait for ever.
            _inbox.TryComplete(unexpected);
            throw;
        }
        finally
        {
            await LeaveAsync(client).ConfigureAwait(false);
        }

        _inbox.TryComplete();
    }

    /// <summary>Null when connected and subscribed; otherwise why not, for a retry.</summary>
    private async Task<string?> ConnectAndSubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        await TellAsync(new SourceEvent(SourceState.Connecting, $"connecting to {Display}"), cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            _refusal = null;
            _certificateProblem = null;
            var connected = await client.ConnectAsync(ClientOptions(), linked.Token).ConfigureAwait(false);
            _refusal ??= connected.ResultCode;
            if (_refusal is { } code && code != MqttClientConnectResultCode.Success)
            {
                throw (Exception?)Refused(code) ?? new MqttCommunicationException($"the broker refused the connection ({code})");
            }

            var subscription = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_address.Topic, MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await client.SubscribeAsync(subscription, linked.Token).ConfigureAwait(false);
            var granted = result.Items.FirstOrDefault()?.ResultCode;
            if (granted is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                throw new SourceUnavailableException(
                    $"the broker refused the subscription to '{_address.Topic}' ({granted?.ToString() ?? "no answer"}); check the topic and that this user may read it (the broker's ACL)");
            }
        }
        catch (MqttConnectingFailedException) when (_refusal is { } code && Refused(code) is { } refused)
        {
            throw refused;
        }
        catch (Exception failure) when (failure is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"cannot connect to {Display}: {_certificateProblem ?? MqttFailureText.OfConnecting(failure, _address, _options.ConnectTimeout)}";
        }

        _backoff.Reset();
        _lastFailure = null;
        await TellAsync(new SourceEvent(SourceState.Connected, $"connected to {Display}, subscribed to '{_address.Topic}'"), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>The end of reading when the broker refused the user name or password; null for a refusal a retry may overcome.</summary>
    private SourceUnavailableException? Refused(MqttClientConnectResultCode code) =>
        MqttFailureText.IsAboutCredentials(code) ? new SourceUnavailableException(MqttFailureText.OfCredentials(code, _address.User)) : null;

    private MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_address.Host, _address.Port)
            .WithClientId($"han-in-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}")
            .WithCleanSession(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout);
        if (_address.User is { } user)
        {
            builder.WithCredentials(user, _address.Password);
        }

        if (_address.Tls)
        {
            // The system's trust store checks the broker's certificate, and its name. Revocation is not
            // checked: a home broker's CA publishes no revocation list, as mosquitto_sub does not ask for one.
            builder.WithTlsOptions(tls => tls.UseTls()
                .WithRevocationMode(X509RevocationMode.NoCheck)
                .WithCertificateValidationHandler(check =>
                {
                    _certificateProblem = MqttFailureText.OfCertificate(check.SslPolicyErrors, check.Chain);
                    return _certificateProblem is null;
                }));
        }

        return builder.Build();
    }

    /// <summary>
    /// Says why the connection is not there and waits. A failure like the last one is not said again:
    /// a broker away for an hour gives one line, not one per attempt; the state says it is still away.
    /// </summary>
    private async Task WaitAfterAsync(string failure, CancellationToken cancellationToken)
    {
        var wait = _backoff.Next();
        if (failure != _lastFailure)
        {
            _lastFailure = failure;
            await TellAsync(new SourceEvent(SourceState.Disconnected, $"{failure}; trying again in {wait.TotalSeconds:0.#} s, then with growing waits up to {_options.LongestRetry.TotalSeconds:0.#} s", wait), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await TellAsync(new SourceEvent(SourceState.Connecting, $"{failure}; trying again in {wait.TotalSeconds:0.#} s", wait), cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask TellAsync(SourceEvent change, CancellationToken cancellationToken) => _inbox.WriteAsync(Delivery.Of(change), cancellationToken);

    private static async Task LeaveAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), patience.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is MqttCommunicationException or OperationCanceledException)
        {
            // Leaving politely is a courtesy; the broker notices a closed socket as well.
        }
    }
}
