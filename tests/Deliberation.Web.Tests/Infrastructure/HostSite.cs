using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// "Another site" for the embed test: one HTML page served from a second loopback port (another origin), so the
/// browser treats it exactly like a host page on the web that embeds a conversation.
/// </summary>
public sealed class HostSite : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string html;

    public HostSite(string html)
    {
        this.html = html;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
