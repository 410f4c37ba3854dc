using System.Net;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>
/// Findings 7 and 8: what the framework refuses (binding, routing, message size) carries a code and names the
/// argument, and refusals are logged in one line at debug, not at error with a stack.
/// </summary>
public sealed class FrameworkRefusalsCarryCodes(LoggedAppFixture fixture) : IClassFixture<LoggedAppFixture>
{
    private readonly LogSink _logs = fixture.Logs;
    private readonly LiveStreamXApp _app = fixture.App;

    [Theory]
    [InlineData("POST", "/api/streams/s_x/gifts", """{"giftCode":"rose","count":true,"idempotencyKey":"k"}""", 400, "invalid_input", "count")]
    [InlineData("POST", "/api/streams/s_x/gifts", "not json", 400, "invalid_input", "body")]
    [InlineData("POST", "/api/streams/s_x/gifts", """[1,2]""", 400, "invalid_input", "body")]
    [InlineData("GET", "/api/me/wallet?limit=abc", null, 400, "invalid_input", "limit")]
    [InlineData("GET", "/api/seasons/abc", null, 404, "not_found", null)]
    [InlineData("GET", "/api/admin/ledger/verify", null, 403, "forbidden", null)]
    public async Task AFrameworkRefusalIsAProblemWithACode(string method, string path, string? body, int status, string code, string? field)
    {
        var user = await _app.SignInAsync();
        using var http = _app.Http(user.Token);

        var (answered, problem) = await Refusals.SendAsync(http, new HttpMethod(method), path, body);

        Assert.Equal((HttpStatusCode)status, answered);
        Assert.Equal(code, problem.Code());
        if (field is not null)
        {
            Assert.Contains(field, problem.Fields());
        }
    }

    [Fact]
    public async Task AHubCallWhoseArgumentsDoNotBindIsInvalidInputNamingTheArgument()
    {
        var user = await _app.SignInAsync();
        await using var hub = await _app.Hub(user).StartAsync();

        Assert.StartsWith("invalid_input: gift:", await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("gift:send", 42).WithTimeout()));
        Assert.StartsWith("invalid_input: streamId:", await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("stream:join", 7, null).WithTimeout()));
        Assert.StartsWith("invalid_input: sinceSeq:", await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("stream:join", "s_x", "5").WithTimeout()));
        Assert.StartsWith("invalid_input: reaction.count:", await Refusals.HubErrorOf(() =>
            hub.Connection.InvokeAsync<object>("mood:react", new { streamId = "s_x", mood = "wow", count = 1e40 }).WithTimeout()));
        Assert.StartsWith("invalid_input:", await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("chat:message", "a", "b", "c").WithTimeout()));
        Assert.StartsWith("not_found:", await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("no:such-method").WithTimeout()));

        // The connection is still usable after every refusal.
        Assert.StartsWith("not_found:", await Refusals.HubErrorOf(() => hub.JoinAsync(TestIds.Stream())));
    }

    [Fact]
    public async Task AMessageOverTheSizeLimitClosesTheConnectionWithACodedReason()
    {
        var user = await _app.SignInAsync();
        await using var hub = await _app.Hub(user).StartAsync();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        _ = hub.Connection.InvokeAsync<object>("chat:message", new { streamId = "s_x", text = new string('a', 40_000) });
        var reason = await closed.Task.WithTimeout();

        Assert.NotNull(reason);
        Assert.Contains("invalid_input: A message is at most 32768 bytes", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":1,"invocationId":"1","target":"chat:message","arguments":[{"streamId":"s_x",}]}""")]
    [InlineData("""{"type":"x"}""")]
    public async Task AMessageThatIsNotOfTheProtocolClosesTheConnectionWithACodedReason(string message)
    {
        var user = await _app.SignInAsync();
        await using var hub = await RawHubClient.ConnectAsync(_app.BaseAddress, user.Token);

        await Assert.ThrowsAsync<IOException>(() => hub.InvokeAsync("chat:message", "[]", rawMessage: message));

        Assert.Contains("HubException: invalid_input: ", hub.CloseError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedHubCallsAreLoggedInOneLineAtDebugNotAsErrors()
    {
        var user = await _app.SignInAsync();
        await using var hub = await _app.Hub(user).StartAsync();

        await Refusals.HubErrorOf(() => hub.ChatAsync("bad id!", "hi"));
        await Refusals.HubErrorOf(() => hub.JoinAsync(TestIds.Stream()));
        await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("gift:send", 42).WithTimeout());
        using var http = _app.Http(user.Token);
        await Refusals.SendAsync(http, HttpMethod.Post, "/api/streams/s_x/gifts", "not json");
        await Refusals.SendAsync(http, HttpMethod.Post, "/api/streams/s_x/gifts", """{"giftCode":"rose","count":1,"idempotencyKey":"k"}""");

        await Timeouts.Eventually(() => Task.FromResult(_logs.Entries.Count(e => e.Message.Contains("refused", StringComparison.Ordinal)) >= 3), "three refusals are logged");
        var refusals = _logs.Entries.Where(e => e.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.All(refusals, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.All(refusals, e => Assert.Null(e.Exception));
        Assert.All(refusals, e => Assert.DoesNotContain('\n', e.Message));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }
}

/// <summary>An Api node whose log entries, debug ones included, are kept for the test to read.</summary>
public sealed class LoggedAppFixture : IDisposable
{
    public LoggedAppFixture() =>
        App = new LiveStreamXApp(
            new Dictionary<string, string?> { ["Logging:LogLevel:LiveStreamX"] = "Debug" },
            web => web.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs))));

    public LogSink Logs { get; } = new();

    public LiveStreamXApp App { get; }

    public void Dispose() => App.Dispose();
}
