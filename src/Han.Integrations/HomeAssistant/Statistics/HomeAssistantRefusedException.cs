namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>Home Assistant answered, but no: the token was refused (<c>auth_invalid</c>), or a command failed (<c>success: false</c>).</summary>
public sealed class HomeAssistantRefusedException : Exception
{
    public HomeAssistantRefusedException()
    {
    }

    public HomeAssistantRefusedException(string message)
        : base(message)
    {
    }

    public HomeAssistantRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public HomeAssistantRefusedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Home Assistant's error code (<c>unauthorized</c>, <c>invalid_format</c>), or <c>auth_invalid</c>.</summary>
    public string Code { get; } = string.Empty;
}
