using System.Globalization;
using System.Net;
using System.Text;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Cli;

/// <summary>Reads <c>loadtest &lt;scenario&gt; [--option value]…</c> into <see cref="LoadOptions"/>.</summary>
public static class CommandLine
{
    private static readonly Option[] Table =
    [
        new("--url", "URL", "server base URL, loopback only (default http://127.0.0.1:5080)", (o, v) => o.Url = new Uri(v)),
        new("--protocol", "signalr|socketio", "signalr: LiveStreamX; socketio: the baseline in bench/baseline", (o, v) => o.Protocol = v.ToLowerInvariant() switch
        {
            "signalr" => WireProtocol.SignalR,
            "socketio" => WireProtocol.SocketIo,
            _ => throw new FormatException("--protocol is signalr or socketio."),
        }),
        new("--client", "raw|hubconnection", "raw: the tool's own lean clients (default); hubconnection: Microsoft's .NET SignalR client", (o, v) => o.Client = v.ToLowerInvariant() switch
        {
            "raw" => ClientKind.Raw,
            "hubconnection" => ClientKind.HubConnection,
            _ => throw new FormatException("--client is raw or hubconnection."),
        }),
        new("--viewers", "N", "connections watching (default 100)", (o, v) => o.Viewers = Int(v)),
        new("--senders", "N", "signed-in users sending (default: enough to stay under the server's default limits)", (o, v) => o.Senders = Int(v)),
        new("--rate", "R", "messages, gifts or actions per second, open loop (default 20)", (o, v) => o.Rate = Number(v)),
        new("--duration", "S", "measured seconds (default 30)", (o, v) => o.DurationSeconds = Number(v)),
        new("--warmup", "S", "seconds of load before measuring (default 5)", (o, v) => o.WarmupSeconds = Number(v)),
        new("--drain", "S", "seconds viewers get to receive the tail before it counts as lost (default 15)", (o, v) => o.DrainSeconds = Number(v)),
        new("--taps", "N", "reactions per mood:react, taps added up as the web client does (default 1)", (o, v) => o.Taps = Int(v)),
        new("--streams", "M", "streams (default: gift-storm 10, mixed 20, others 1)", (o, v) => o.Streams = Int(v)),
        new("--zipf", "S", "Zipf exponent of viewers over streams in mixed (default 1.0)", (o, v) => o.Zipf = Number(v)),
        new("--churn", "P", "percent of viewers replaced per second in mixed (default 1)", (o, v) => o.ChurnPercent = Number(v)),
        new("--source-addresses", "LIST", "loopback source addresses: 127.0.0.1,127.0.0.2 or 127.0.0.1-4 (default 127.0.0.1)", (o, v) => o.SourceAddresses = Addresses(v)),
        new("--connect-rate", "N", "new connections per second while connecting (default 1000)", (o, v) => o.ConnectRate = Int(v)),
        new("--server-pid", "PID", "server process, for its CPU time and memory (/proc)", (o, v) => o.ServerPid = Int(v)),
        new("--out", "FILE", "write the JSON report here", (o, v) => o.Out = v),
        new("--engine", null, "drive grains through an Orleans client instead of the web layer", (o, _) => o.Engine = true),
        new("--gateway-port", "N", "engine: the silo's gateway port (default 30000)", (o, v) => o.GatewayPort = Int(v)),
        new("--cluster-id", "ID", "engine: the cluster id (default lsx-dev)", (o, v) => o.ClusterId = v),
        new("--service-id", "ID", "engine: the service id (default livestreamx)", (o, v) => o.ServiceId = v),
        new("--concurrency", "N", "engine: calls in flight (default 256)", (o, v) => o.Concurrency = Int(v)),
        new("--grains", "N", "engine grain-calls: grains called (default 1000)", (o, v) => o.Grains = Int(v)),
        new("--batch", "N", "engine reaction-flood: reactions per mood batch, as an Api node sends a window's (default 100)", (o, v) => o.Batch = Int(v)),
        new("--gift", "CODE", "gift to send (default rose, 1 token)", (o, v) => o.GiftCode = v),
        new("--seed", "N", "seed of the random choices in mixed (default 1)", (o, v) => o.Seed = Int(v)),
        new("--quiet", null, "no live table: a progress line every 5 s", (o, _) => o.Quiet = true),
    ];

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new FormatException("Name a scenario first.");
        }

        var options = new LoadOptions { Scenario = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var option = Table.FirstOrDefault(o => o.Name == args[i]) ?? throw new FormatException($"Unknown option '{args[i]}'.");
            if (option.Value is not null && i + 1 >= args.Count)
            {
                throw new FormatException($"{option.Name} needs a value ({option.Value}).");
            }

            option.Set(options, option.Value is null ? string.Empty : args[++i]);
        }

        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new FormatException(string.Join(Environment.NewLine, problems));
    }

    public static string Usage()
    {
        var text = new StringBuilder()
            .AppendLine("usage: loadtest <scenario> [options]")
            .AppendLine("       loadtest markdown <report.json> [--baseline <report.json>]")
            .AppendLine()
            .AppendLine("scenarios:")
            .AppendLine("  hot-stream      V viewers in one stream, chat at R messages/s")
            .AppendLine("  gift-storm      S senders over many wallets, R gifts/s to M streams (--engine: through an Orleans client)")
            .AppendLine("  reaction-flood  S senders react at R/s in all to M streams; the mood grains' exact totals are checked")
            .AppendLine("                  (--engine: batches of --batch reactions straight to the mood grains)")
            .AppendLine("  mixed           M streams, Zipf viewers, chat 80% / reactions 15% / gifts 5%, 1% churn a second")
            .AppendLine("  idle            V idle connections: density and server memory per connection")
            .AppendLine("  grain-calls     engine only: grain calls/s over --grains grains")
            .AppendLine()
            .AppendLine("options:");
        foreach (var option in Table)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {option.Name + (option.Value is null ? string.Empty : " " + option.Value),-29}{option.Help}");
        }

        return text.ToString();
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>"127.0.0.1,127.0.0.2" or a range of the last byte, "127.0.0.1-4".</summary>
    private static IPAddress[] Addresses(string value) =>
    [
        .. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(part =>
        {
            var dash = part.LastIndexOf('-');
            if (dash < 0)
            {
                return [IPAddress.Parse(part)];
            }

            var first = IPAddress.Parse(part[..dash]).GetAddressBytes();
            var last = byte.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture);
            return Enumerable.Range(first[3], Math.Max(0, last - first[3] + 1)).Select(b => new IPAddress([first[0], first[1], first[2], (byte)b]));
        }),
    ];

    private sealed record Option(string Name, string? Value, string Help, Action<LoadOptions, string> Set);
}
