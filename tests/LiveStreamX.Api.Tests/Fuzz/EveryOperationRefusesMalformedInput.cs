using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>
/// Every REST operation of /openapi/v1.json and every hub method of <see cref="LiveHub"/> (found by reflection, so
/// a new one is fuzzed without anyone listing it) gets generated malformed input. Each case must be refused with
/// a code (a 4xx ProblemDetails with <c>code</c>, a <c>HubException</c> "code: …"), never a 5xx or an uncoded error;
/// the node stays healthy and nothing it stores changes.
/// </summary>
public sealed partial class EveryOperationRefusesMalformedInput(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    private const int MaxFailuresShown = 15;

    [Fact]
    public async Task EveryRestOperationRefusesMalformedInputWithACodeAndChangesNothing()
    {
        var before = await fixture.StateAsync();
        using var anonymous = fixture.App.Http();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json").WithTimeout();
        var components = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var failures = new List<string>();
        var cases = 0;
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (FuzzSettings.Only is { } only && !name.Contains(only, StringComparison.Ordinal))
                {
                    continue;
                }

                operations++;
                cases += await FuzzRestAsync(name, operation.Name, path.Name, operation.Value, components, failures);
            }
        }

        await AssertHealthyAsync(failures);
        AssertUnchanged(before, await fixture.StateAsync(), failures);
        Report("REST", operations, cases, failures);
    }

    [Fact]
    public async Task EveryHubMethodRefusesMalformedInputWithACodeAndChangesNothing()
    {
        var before = await fixture.StateAsync();
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => (Method: m, Name: m.GetCustomAttribute<HubMethodNameAttribute>()?.Name))
            .Where(m => m.Name is not null && (FuzzSettings.Only is not { } only || m.Name.Contains(only, StringComparison.Ordinal)))
            .ToList();
        Assert.True(FuzzSettings.Only is not null || methods.Count >= 14, $"Only {methods.Count} hub methods were found.");
        var failures = new List<string>();
        var cases = 0;
        foreach (var (method, name) in methods)
        {
            cases += await FuzzHubAsync(name!, method, failures);
        }

        await AssertHealthyAsync(failures);
        AssertUnchanged(before, await fixture.StateAsync(), failures);
        Report("hub", methods.Count, cases, failures);
    }

    private async Task<int> FuzzRestAsync(string name, string method, string template, JsonElement operation, JsonElement components, List<string> failures)
    {
        var random = FuzzSettings.For(name);
        var generator = new InputGenerator(random, fixture.World, hugeText: 100_000);
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var pathParameters = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
        var queryParameters = parameters.Where(x => x.GetProperty("in").GetString() == "query")
            .Select(x => (Name: x.GetProperty("name").GetString()!, Shape: x.TryGetProperty("schema", out var schema) ? Shape.FromSchema(schema, components) : Shape.Any))
            .ToList();
        var body = operation.TryGetProperty("requestBody", out var requestBody)
            && requestBody.GetProperty("content").EnumerateObject().FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } content
            && content.TryGetProperty("schema", out var bodySchema)
                ? Shape.FromSchema(bodySchema, components)
                : null;
        var changes = method != "get";
        if (changes && pathParameters.Count == 0 && queryParameters.Count == 0 && body is null)
        {
            // An operation that takes no input (a sign-out) has nothing to send malformed.
            return 0;
        }

        var clients = new Dictionary<string, HttpClient>
        {
            ["creator"] = fixture.App.Http(fixture.Creator.Token),
            ["viewer"] = fixture.App.Http(fixture.Viewer.Token),
            ["admin"] = fixture.App.Http(fixture.Admin.Token),
            ["anonymous"] = fixture.App.Http(),
        };
        try
        {
            for (var i = 0; i < FuzzSettings.CasesPerOperation; i++)
            {
                // Where the one refused change goes: a path parameter, the query or the body.
                var places = new List<string>();
                if (pathParameters.Count > 0)
                {
                    places.Add("path");
                }

                if (body is not null)
                {
                    places.AddRange(["body", "body", "raw body"]);
                }

                if (!changes && queryParameters.Count > 0)
                {
                    places.Add("query");
                }

                var place = changes ? generator.Pick(places) : places.Count > 0 ? generator.Pick(places) : "none";
                var change = place;
                var url = new StringBuilder(template);
                foreach (var parameter in pathParameters)
                {
                    var value = place == "path" && random.Next(pathParameters.Count) == 0 || place == "path" && parameter == pathParameters[^1]
                        ? BadPathValue(parameter, generator, out change)
                        : PlausiblePathValue(parameter);
                    url.Replace("{" + parameter + "}", Uri.EscapeDataString(value));
                    url.Replace("{" + parameter + ":int}", Uri.EscapeDataString(value));
                }

                var query = queryParameters
                    .Where(_ => random.Next(2) == 0)
                    .Select(q => $"{q.Name}={Uri.EscapeDataString(QueryValue(q.Name, q.Shape, generator, place == "query"))}")
                    .ToList();
                if (query.Count > 0)
                {
                    url.Append('?').Append(string.Join('&', query));
                }

                string? json = null;
                if (body is not null)
                {
                    json = place switch
                    {
                        "body" => generator.Malformed("body", body).ToString(),
                        "raw body" => generator.Pick(["", "{", "not json", "[1,2]", "\"text\"", "{\"a\":}", "{\"x\":1}{}", "nul"]),
                        _ => generator.Malformed("body", body, refusal: false).ToString(),
                    };
                    change = place == "body" ? $"body {generator.LastChange}" : place == "raw body" ? $"raw body {json}" : change;
                }

                var who = changes && template.StartsWith("/api/admin", StringComparison.Ordinal) && random.Next(4) > 0
                    ? "admin"
                    : changes && random.Next(4) > 0 ? "creator" : generator.Pick(clients.Keys.ToList());
                var (status, problem, text) = await SendAsync(clients[who], method, url.ToString(), json);
                var refused = (int)status is >= 400 and < 500;
                var coded = problem.Code() is { } code && Regex.IsMatch(code, "^[a-z_]+$");
                var problemOk = !refused || coded;
                var answerOk = (int)status < 500 && (changes ? refused : true) && problemOk;
                if (!answerOk)
                {
                    failures.Add($"{name} case {i} (as {who}, {change}): {method.ToUpperInvariant()} {Cut(url.ToString())} {Cut(json)} -> {(int)status} {Cut(text)} [replay: {FuzzSettings.Replay(name)}]");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        await AssertHealthyAsync(failures, name);
        return FuzzSettings.CasesPerOperation;
    }

    private async Task<int> FuzzHubAsync(string name, MethodInfo method, List<string> failures)
    {
        var random = FuzzSettings.For(name);
        // Under the message size limit: a larger message closes the connection by design (its own test).
        var generator = new InputGenerator(random, fixture.World, hugeText: 4_000);
        var parameters = method.GetParameters();
        var shapes = parameters.Select(x => Shape.FromType(x.ParameterType)).ToList();
        var users = new[] { fixture.Viewer, fixture.Creator };
        var connections = new Dictionary<TestUser, RawHubClient>();
        try
        {
            for (var i = 0; i < FuzzSettings.CasesPerOperation; i++)
            {
                var user = users[random.Next(users.Length)];
                if (!connections.TryGetValue(user, out var hub) || !hub.IsOpen)
                {
                    if (hub is not null)
                    {
                        await hub.DisposeAsync();
                    }

                    hub = connections[user] = await RawHubClient.ConnectAsync(fixture.App.BaseAddress, user.Token);
                }

                var (arguments, change) = HubArguments(parameters, shapes, generator, random);
                while (arguments.Length > LiveHub.MaxMessageBytes - 1_000)
                {
                    (arguments, change) = HubArguments(parameters, shapes, generator, random);
                }
                try
                {
                    var (_, error, result) = await hub.InvokeAsync(name, arguments).WithTimeout();
                    if (error is null || !HubCode().IsMatch(error))
                    {
                        failures.Add($"{name} case {i} ({change}): {Cut(arguments)} -> {(error is null ? "accepted: " + Cut(result) : "uncoded: " + Cut(error))} [replay: {FuzzSettings.Replay(name)}]");
                    }
                }
                catch (IOException e)
                {
                    failures.Add($"{name} case {i} ({change}): {Cut(arguments)} -> the connection closed: {e.Message} [replay: {FuzzSettings.Replay(name)}]");
                }
            }
        }
        finally
        {
            foreach (var connection in connections.Values)
            {
                await connection.DisposeAsync();
            }
        }

        await AssertHealthyAsync(failures, name);
        return FuzzSettings.CasesPerOperation;
    }

    private static (string Json, string Change) HubArguments(ParameterInfo[] parameters, List<Shape> shapes, InputGenerator generator, Random random)
    {
        var values = parameters.Select((p, i) => generator.Malformed(p.Name!, shapes[i], refusal: false)).ToList();
        string change;
        switch (random.Next(10))
        {
            case 0:
                values.Add(RawJson.Text("surplus"));
                change = "one argument too many";
                break;
            case 1 when values.Count > 0:
                values.RemoveAt(values.Count - 1);
                change = "one argument too few";
                break;
            case 2 when values.Count > 0:
                values[0] = RawJson.Null;
                change = $"{parameters[0].Name} is null";
                break;
            default:
                var at = random.Next(parameters.Length);
                values[at] = generator.Malformed(parameters[at].Name!, shapes[at]);
                change = $"{parameters[at].Name}: {generator.LastChange}";
                break;
        }

        return (new RawJson.Array(values).ToString(), change);
    }

    private string PlausiblePathValue(string parameter) => parameter switch
    {
        "id" => fixture.World.StreamId,
        "userId" => fixture.Viewer.Id,
        "code" => "rose",
        "category" => "gifters",
        "number" => "1",
        "momentId" => "m_fuzz",
        _ => "fuzz",
    };

    private static string BadPathValue(string parameter, InputGenerator generator, out string change)
    {
        change = $"path {parameter}";
        return parameter switch
        {
            "number" => generator.Pick(["abc", "-1", "99999999999", "1.5", "0"]),
            "code" => generator.Pick(["no-such-gift", "ROSE", new string('r', 200), "r\u00f6se", "..", "\u200b"]),
            "userId" => generator.Pick(["u_nobody", new string('u', 300), "u x", "\u00e9"]),
            "category" => generator.Pick(["nope", "gifters,chatters", new string('c', 100)]),
            _ => generator.BadStreamId(),
        };
    }

    private static string QueryValue(string name, Shape shape, InputGenerator generator, bool bad) => (bad, shape.Kind) switch
    {
        (true, ShapeKind.Integer) => generator.Pick(["abc", "1.5", "99999999999", "-1", "0x10", ""]),
        (true, _) => generator.Pick(["live,ended", "1", "\u200b", "x", new string('q', 2000), "season-0", "season-x"]),
        (false, ShapeKind.Integer) => generator.Pick(["1", "10", "0", "100"]),
        _ => name switch
        {
            "status" => "live",
            "ledger" => "earnings",
            "scope" => "all",
            _ => "x",
        },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Problem, string Text)> SendAsync(HttpClient http, string method, string url, string? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        JsonElement problem = default;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            problem = JsonDocument.Parse(text).RootElement.Clone();
        }

        return (response.StatusCode, problem, text);
    }

    private async Task AssertHealthyAsync(List<string> failures, string? after = null)
    {
        using var http = fixture.App.Http();
        foreach (var probe in new[] { "/healthz", "/readyz" })
        {
            using var response = await http.GetAsync(probe).WithTimeout();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{probe} answered {(int)response.StatusCode}{(after is null ? string.Empty : " after " + after)}");
            }
        }
    }

    private static void AssertUnchanged(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, List<string> failures)
    {
        foreach (var (what, value) in before)
        {
            if (after[what] != value)
            {
                var was = value.Split('\n');
                var now = after[what].Split('\n');
                var change = was.Length > 1 || now.Length > 1
                    ? $"added {string.Join(", ", now.Except(was))}; removed {string.Join(", ", was.Except(now))}"
                    : $"before {Cut(value, 2000)}; after {Cut(after[what], 2000)}";
                failures.Add($"{what} changed: {change} [replay: LSX_FUZZ_SEED={FuzzSettings.Seed}]");
            }
        }
    }

    private void Report(string what, int operations, int cases, List<string> failures)
    {
        output.WriteLine($"Fuzzed {operations} {what} operations with {cases} cases (seed {FuzzSettings.Seed}, {FuzzSettings.CasesPerOperation} per operation): {failures.Count} failures.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} {what} cases failed (seed {FuzzSettings.Seed}):\n" + string.Join("\n", failures.Take(MaxFailuresShown)));
    }

    private static string Cut(string? text, int max = 300) => text is null ? "-" : text.Length <= max ? text : text[..max] + $"…({text.Length} chars)";

    [GeneratedRegex("HubException: [a-z_]+: ")]
    private static partial Regex HubCode();
}
