namespace Han.Web;

/// <summary>The web server could not listen where <c>web.listen</c> says (the port is taken, the address is not this machine's).</summary>
public sealed class WebListenException : Exception
{
    public WebListenException()
    {
    }

    public WebListenException(string message)
        : base(message)
    {
    }

    public WebListenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
