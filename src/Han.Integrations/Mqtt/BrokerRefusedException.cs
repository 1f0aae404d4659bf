using MQTTnet;

namespace Han.Integrations.Mqtt;

/// <summary>The broker answered han's CONNECT with a refusal (a wrong password, a client id it does not take).</summary>
internal sealed class BrokerRefusedException(MqttClientConnectResultCode code)
    : Exception($"the broker refused the connection ({code})")
{
    public MqttClientConnectResultCode Code { get; } = code;
}
