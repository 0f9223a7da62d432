using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lianjian.IntegrationTests.Infrastructure;

public sealed record ReceivedRequest(string Path, string Query, string ContentType, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 that stands in for the DingTalk and WeCom robots: it records every POST and
/// answers as told per path (by default 200 with the robots' <c>{"errcode":0,"errmsg":"ok"}</c>).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body, TimeSpan Delay)> _answers = new();
    private readonly Task _loop;

    private WebhookReceiver(HttpListener listener, string baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static WebhookReceiver Start()
    {
        // HttpListener cannot bind port 0: take a free port from the system, then listen on it (retrying if taken meanwhile).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var baseUrl = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(baseUrl + "/");
            try
            {
                listener.Start();
                return new WebhookReceiver(listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>How to answer POSTs to <paramref name="path"/> from now on.</summary>
    public void Answer(string path, int status, string body = "{\"errcode\":0,\"errmsg\":\"ok\"}", TimeSpan delay = default) =>
        _answers[path] = (status, body, delay);

    public IReadOnlyList<ReceivedRequest> Containing(string marker) => Requests.Where(r => r.Body.Contains(marker, StringComparison.Ordinal)).ToList();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            // Each request on its own: the senders under test post at the same time.
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new ReceivedRequest(request.Url!.AbsolutePath, request.Url.Query, request.ContentType ?? "", body));
        }

        var (status, answer, delay) = _answers.TryGetValue(request.Url!.AbsolutePath, out var a) ? a : (200, "{\"errcode\":0,\"errmsg\":\"ok\"}", TimeSpan.Zero);
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
