using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Testing;

/// <summary>
/// A local stand-in for the few Stripe endpoints the platform calls (create a Checkout Session, create a Transfer),
/// in Stripe's wire format, on a free loopback port; and a minimal hosted checkout page whose Pay button sends the
/// <c>checkout.session.completed</c> webhook, signed with Stripe's scheme (<c>t=…,v1=</c>HMAC-SHA256 of "t.body"), to
/// the Api and then redirects to the session's success URL. Tests never call Stripe.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin";

    /// <summary>A Connect account whose transfers Stripe refuses (a 400, as for a closed account).</summary>
    public const string RefusingAccount = "acct_refuses";

    private static readonly HttpClient Webhooks = new() { Timeout = Timeouts.Default };
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _transfersByKey = new();
    private readonly ConcurrentQueue<JsonObject> _transfers = new();

    private StripeStandIn(string webhookSecret)
    {
        WebhookSecret = webhookSecret;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/v1/checkout/sessions", (Delegate)CreateSessionAsync);
        _app.MapGet("/c/pay/{id}", PayPage);
        _app.MapPost("/c/pay/{id}", PayAsync);
        _app.MapPost("/v1/transfers", (Delegate)CreateTransferAsync);
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>What the platform's <c>LSX:Stripe:ApiBase</c> is set to.</summary>
    public Uri ApiBase => new($"http://127.0.0.1:{Port}");

    public string WebhookSecret { get; }

    /// <summary>Where the Pay button sends its webhook: the Api's <c>/api/webhooks/stripe</c>.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Every transfer made, in order (a repeat with the same idempotency key is not a new one).</summary>
    public IReadOnlyList<JsonObject> Transfers => [.. _transfers];

    /// <summary>The settings that point a node at this stand-in.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["LSX:Stripe:SecretKey"] = SecretKey,
        ["LSX:Stripe:WebhookSecret"] = WebhookSecret,
        ["LSX:Stripe:ApiBase"] = ApiBase.ToString(),
    };

    public static async Task<StripeStandIn> StartAsync(string? webhookSecret = null)
    {
        var standIn = new StripeStandIn(webhookSecret ?? "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        await standIn._app.StartAsync().WaitAsync(Timeouts.Default);
        return standIn;
    }

    public JsonObject Session(string id) => _sessions.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException(id);

    /// <summary>Pays a session as the Pay button does: the session completes and its webhook is sent; the Api's answer.</summary>
    public async Task<HttpResponseMessage> CompleteAsync(string sessionId)
    {
        var session = Pay(sessionId);
        return await SendAsync(Event("checkout.session.completed", session));
    }

    /// <summary>A Stripe event around <paramref name="obj"/>, as Stripe serializes it.</summary>
    public static string Event(string type, JsonObject obj, string? id = null) => new JsonObject
    {
        ["id"] = id ?? NewId("evt_", 24),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = JsonNode.Parse(obj.ToJsonString()) },
    }.ToJsonString();

    /// <summary>The charge of a paid session, refunded by <paramref name="amountRefunded"/> in all (cumulative, as Stripe sends it).</summary>
    public JsonObject RefundedCharge(string sessionId, long amountRefunded)
    {
        var session = Session(sessionId);
        var amount = session["amount_total"]!.GetValue<long>();
        return new JsonObject
        {
            ["id"] = session["lsx_charge"]!.GetValue<string>(),
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_captured"] = amount,
            ["amount_refunded"] = amountRefunded,
            ["currency"] = session["currency"]!.GetValue<string>(),
            ["paid"] = true,
            ["refunded"] = amountRefunded >= amount,
            ["status"] = "succeeded",
            ["payment_intent"] = session["payment_intent"]!.GetValue<string>(),
        };
    }

    /// <summary>A dispute on a paid session's charge (<paramref name="status"/>: needs_response, won, lost).</summary>
    public JsonObject Dispute(string sessionId, string disputeId, string status = "needs_response")
    {
        var session = Session(sessionId);
        return new JsonObject
        {
            ["id"] = disputeId,
            ["object"] = "dispute",
            ["amount"] = session["amount_total"]!.GetValue<long>(),
            ["currency"] = session["currency"]!.GetValue<string>(),
            ["charge"] = session["lsx_charge"]!.GetValue<string>(),
            ["payment_intent"] = session["payment_intent"]!.GetValue<string>(),
            ["reason"] = "fraudulent",
            ["status"] = status,
        };
    }

    /// <summary>Stripe's signature header: t=timestamp,v1=HMAC-SHA256(secret, "t.payload") in hex.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>The header as Stripe's own Node library makes it (<c>stripe.webhooks.generateTestHeaderString</c>).</summary>
    public static async Task<string> SignWithStripeNodeAsync(string payload, string secret, DateTimeOffset at)
    {
        var folder = await NpmFolder.EnsureAsync("StripeSign", "stripe");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("sign.mjs");
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { payload, secret, timestamp = at.ToUnixTimeSeconds() }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync().WaitAsync(Timeouts.Default);
        await node.WaitForExitAsync().WaitAsync(Timeouts.Default);
        return node.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException(await node.StandardError.ReadToEndAsync());
    }

    /// <summary>Posts an event to the webhook URL, signed with this stand-in's secret unless a header is given.</summary>
    public Task<HttpResponseMessage> SendAsync(string payload, string? signature = null, Uri? to = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, to ?? WebhookUrl ?? throw new InvalidOperationException("Set WebhookUrl first."))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? Sign(payload, WebhookSecret));
        return Webhooks.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> CreateSessionAsync(HttpContext http)
    {
        if (Unauthorized(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync();
        var id = NewId("cs_test_", 58);
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value.ToString();
        }

        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form["mode"].ToString(),
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["metadata"] = metadata,
            ["success_url"] = form["success_url"].ToString(),
            ["cancel_url"] = form["cancel_url"].ToString(),
            ["payment_intent"] = null,
            ["url"] = $"{ApiBase}c/pay/{id}",
            ["livemode"] = false,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["lsx_name"] = form["line_items[0][price_data][product_data][name]"].ToString(),
        };
        _sessions[id] = session;
        return Results.Content(Public(session).ToJsonString(), "application/json");
    }

    private IResult PayPage(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return Results.NotFound();
        }

        var name = WebUtility.HtmlEncode(session["lsx_name"]!.GetValue<string>());
        var amount = session["amount_total"]!.GetValue<long>() / 100m;
        var cancel = WebUtility.HtmlEncode(session["cancel_url"]!.GetValue<string>());
        return Results.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (test stand-in)</title></head>
            <body><main><h1>Pay {name}</h1><p>{amount:0.00} {session["currency"]!.GetValue<string>().ToUpperInvariant()}</p>
            <form method="post"><button type="submit">Pay</button></form><a href="{cancel}">Cancel</a></main></body></html>
            """, "text/html");
    }

    private async Task<IResult> PayAsync(string id)
    {
        if (!_sessions.ContainsKey(id))
        {
            return Results.NotFound();
        }

        var session = Pay(id);
        // Stripe retries a failed delivery; the stand-in tries a few times, then sends the buyer back anyway.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await SendAsync(Event("checkout.session.completed", session));
            if (response.IsSuccessStatusCode)
            {
                break;
            }
        }

        return Results.Redirect(session["success_url"]!.GetValue<string>().Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal));
    }

    private JsonObject Pay(string id)
    {
        var session = Session(id);
        lock (session)
        {
            if (session["payment_status"]!.GetValue<string>() != "paid")
            {
                session["status"] = "complete";
                session["payment_status"] = "paid";
                session["payment_intent"] = NewId("pi_", 24);
                session["lsx_charge"] = NewId("ch_", 24);
            }

            return Public(session);
        }
    }

    private async Task<IResult> CreateTransferAsync(HttpContext http)
    {
        if (Unauthorized(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync();
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _transfersByKey.TryGetValue(key, out var earlier))
        {
            return Results.Content(earlier, "application/json");
        }

        if (form["destination"] == RefusingAccount)
        {
            return Results.Content(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["type"] = "invalid_request_error",
                    ["code"] = "account_invalid",
                    ["message"] = "The destination account cannot receive transfers.",
                },
            }.ToJsonString(), "application/json", statusCode: 400);
        }

        var transfer = new JsonObject
        {
            ["id"] = NewId("tr_", 24),
            ["object"] = "transfer",
            ["amount"] = long.Parse(form["amount"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["currency"] = form["currency"].ToString(),
            ["destination"] = form["destination"].ToString(),
            ["transfer_group"] = form["transfer_group"].ToString(),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
        };
        var json = transfer.ToJsonString();
        if (key.Length == 0 || _transfersByKey.TryAdd(key, json))
        {
            _transfers.Enqueue(transfer);
        }

        return Results.Content(key.Length > 0 ? _transfersByKey[key] : json, "application/json");
    }

    private static IResult? Unauthorized(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() == $"Bearer {SecretKey}"
            ? null
            : Results.Content("""{"error":{"type":"invalid_request_error","message":"Invalid API Key provided."}}""", "application/json", statusCode: 401);

    // The stand-in's own bookkeeping (fields named lsx_…) stays out of what the platform sees.
    private static JsonObject Public(JsonObject session)
    {
        var copy = JsonNode.Parse(session.ToJsonString())!.AsObject();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith("lsx_", StringComparison.Ordinal)).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static string NewId(string prefix, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return prefix + new string([.. RandomNumberGenerator.GetItems<char>(alphabet, length)]);
    }
}
