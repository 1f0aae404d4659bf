using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Han.Integrations.Mqtt;

/// <summary>han's messages as MQTTnet's: its own status (retained, QoS 1) and what its outputs queue.</summary>
internal static class ApplicationMessages
{
    /// <summary>A retained QoS 1 text message, as <c>online</c>/<c>offline</c> on the status topic.</summary>
    public static MqttApplicationMessage Status(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(Encoding.UTF8.GetBytes(payload))
        .WithRetainFlag(true)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    public static MqttApplicationMessage From(MqttOutgoing message) => new MqttApplicationMessageBuilder()
        .WithTopic(message.Topic)
        .WithPayload(message.Payload.ToArray())
        .WithRetainFlag(message.Retain)
        .WithQualityOfServiceLevel(message.Qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
        .Build();
}
