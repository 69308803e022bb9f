using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Hosting;

/// <summary>Binds Kestrel to <c>Host:ListenAddress</c> (loopback by default) and <c>Host:LocalHttpPort</c> (7071 by default).</summary>
internal static class KestrelBinding
{
    public static void Listen(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        var host = configuration.GetSection(FunctionHostOptions.Section).Get<FunctionHostOptions>() ?? new FunctionHostOptions();
        switch (host.ListenAddress)
        {
            case "localhost":
                kestrel.ListenLocalhost(host.LocalHttpPort);
                break;
            case "*" or "0.0.0.0":
                kestrel.ListenAnyIP(host.LocalHttpPort);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(host.ListenAddress), host.LocalHttpPort);
                break;
        }
    }
}
