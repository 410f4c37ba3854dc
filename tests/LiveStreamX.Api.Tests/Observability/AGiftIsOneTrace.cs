using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Grains.Observability;
using LiveStreamX.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace LiveStreamX.Api.Tests.Observability;

/// <summary>
/// A node whose OTLP collector is down (a closed port) and whose spans are also kept in memory: a gift's hub call
/// and the grain calls it caused are one trace, and the dead collector costs the caller nothing.
/// </summary>
public sealed class AGiftIsOneTrace : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly LiveStreamXApp _app;

    public AGiftIsOneTrace()
    {
        _app = new LiveStreamXApp(
            new Dictionary<string, string?>
            {
                ["LSX:Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["LSX:Telemetry:OtlpTimeoutMilliseconds"] = "30000",
            },
            web => web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(
                tracing => tracing.AddInMemoryExporter(new SpanList(_spans)))));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheGiftSendSpanAndTheGrainCallsItCausedShareOneTraceId()
    {
        var creator = await _app.SignInAsync("creator");
        var streamId = await _app.CreateStreamAsync(creator);
        var viewer = await _app.SignInAsync();
        await using var sender = await _app.Hub(viewer).StartAsync();
        await sender.JoinAsync(streamId);

        var sending = Stopwatch.StartNew();
        var receipt = await sender.Connection.InvokeAsync<JsonElement>(
            "gift:send", new { streamId, giftCode = "star", count = 1, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();
        sending.Stop();
        Assert.Equal(50, receipt.GetProperty("tokens").GetInt64());

        Activity? gift = null;
        await Timeouts.Eventually(
            () =>
            {
                gift = _spans.FirstOrDefault(s => s.Source.Name == LiveTelemetry.SourceName && s.DisplayName == "gift:send");
                return Task.FromResult(gift is not null && GrainCallsOf(gift).Any(s => s.DisplayName.Contains("SendGift", StringComparison.Ordinal)));
            },
            $"the gift:send span and the wallet's SendGift grain call in one trace; spans: {Describe()}");

        var calls = GrainCallsOf(gift!);
        Assert.Contains(calls, s => s.DisplayName.Contains("IStreamGrain", StringComparison.Ordinal));
        Assert.Contains(calls, s => s.DisplayName.Contains("IGiftCatalogGrain", StringComparison.Ordinal));
        Assert.Equal(ActivityStatusCode.Unset, gift!.Status);

        // The send tick that delivered gift:received to the stream's group on this node links to the gift's trace.
        await Timeouts.Eventually(
            () => Task.FromResult(_spans.Any(s => s.DisplayName == StreamEventBridge.SendSpanName
                && s.Links.Any(l => l.Context.TraceId == gift.TraceId))),
            $"a stream:send span linked to the gift's trace; spans: {Describe()}");
        // Exports to the dead collector time out after 30 s in the background; the call never waited for one.
        Assert.True(sending.Elapsed < TimeSpan.FromSeconds(10), $"gift:send took {sending.Elapsed} with the collector down");
    }

    [Fact]
    public async Task ARefusedHubCallIsAnErrorSpanWithItsCode()
    {
        var viewer = await _app.SignInAsync();
        await using var sender = await _app.Hub(viewer).StartAsync();

        await HubErrors.CodeOf(() => sender.Connection.InvokeAsync<JsonElement>(
            "gift:send", new { streamId = "s_" + Guid.NewGuid().ToString("N")[..12], giftCode = "star", count = 1, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }));

        await Timeouts.Eventually(
            () => Task.FromResult(_spans.Any(s => s.DisplayName == "gift:send" && s.Status == ActivityStatusCode.Error && s.StatusDescription == "not_found")),
            $"an error span with the refusal's code; spans: {Describe()}");
    }

    private string Describe() => string.Join(", ", _spans.Where(s => s.Source.Name != "Microsoft.Orleans.Runtime").Take(40).Select(s => $"{s.Source.Name}/{s.DisplayName}/{s.TraceId}"));

    private List<Activity> GrainCallsOf(Activity root) =>
        [.. _spans.Where(s => s.TraceId == root.TraceId && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))];

    // The in-memory exporter appends to an ICollection; spans end on many threads at once.
    private sealed class SpanList(ConcurrentQueue<Activity> spans) : ICollection<Activity>
    {
        public int Count => spans.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => spans.Enqueue(item);

        public void Clear() => spans.Clear();

        public bool Contains(Activity item) => spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
