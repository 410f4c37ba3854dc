using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Api.Errors;
using LiveStreamX.Common;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// SignalR's JSON protocol, made to refuse like the rest of the hub: an invocation whose arguments do not bind
/// reaches <see cref="LiveHubFilter"/> as a <see cref="HubArgumentError"/> (which it answers <c>invalid_input</c>
/// naming the argument) instead of SignalR's uncoded "Failed to invoke"; and the error texts SignalR writes itself
/// (an unknown method, a message over the size limit closing the connection) get a code and lose exception details.
/// </summary>
internal sealed partial class CodedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _inner = new(options);
    private readonly JsonSerializerOptions _payload = options.Value.PayloadSerializerOptions;

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var start = input;
        if (!_inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure)
        {
            var error = FindArgumentError(start.Slice(0, input.Start), failure.Target, binder);
            message = new InvocationMessage(failure.InvocationId, failure.Target, [error]);
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(Coded(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(Coded(message));

    private HubMessage Coded(HubMessage message) => message switch
    {
        CompletionMessage { Error: { } error } m when !IsCoded(error) => CompletionMessage.WithError(m.InvocationId!, CodedCompletion(error)),
        CloseMessage { Error: { } error } m when !IsCoded(error) => new CloseMessage(CodedClose(error), m.AllowReconnect),
        _ => message,
    };

    // The shape clients already match for a refused call (docs/PROTOCOL.md): "… HubException: code: sentence".
    private static string CodedCompletion(string error) => UnknownMethodPattern().Match(error) is { Success: true } unknown
        ? $"{error}. {nameof(HubException)}: {ErrorCodes.NotFound}: There is no hub method '{unknown.Groups[1].Value}'."
        : FirstSentence(error);

    private static string CodedClose(string error) =>
        error.Contains("maximum message size", StringComparison.Ordinal)
            ? $"{FirstSentence(error)} {nameof(HubException)}: {ErrorCodes.InvalidInput}: A message is at most {LiveHub.MaxMessageBytes} bytes; the connection was closed."
        : error.Contains(nameof(InvalidDataException), StringComparison.Ordinal)
            ? $"{FirstSentence(error)} {nameof(HubException)}: {ErrorCodes.InvalidInput}: A message that is not a message of SignalR's JSON protocol; the connection was closed."
        : FirstSentence(error);

    // Detailed errors are on only so that the close reason above can be told; any other detail (an exception's
    // type and message) stays on the server.
    private static string FirstSentence(string error) => error.IndexOf(". ", StringComparison.Ordinal) is > 0 and var end ? error[..(end + 1)] : error;

    private static bool IsCoded(string error) => CodedPattern().IsMatch(error);

    /// <summary>Binds the arguments one by one to tell which one failed, and where inside it.</summary>
    private HubArgumentError FindArgumentError(ReadOnlySequence<byte> raw, string target, IInvocationBinder binder)
    {
        try
        {
            var bytes = raw.ToArray().AsSpan().TrimEnd((byte)0x1e);
            using var document = JsonDocument.Parse(bytes.ToArray());
            var types = binder.GetParameterTypes(target);
            if (!document.RootElement.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.Array)
            {
                return new HubArgumentError(null, string.Empty, "Send the arguments as a JSON array.");
            }

            var i = 0;
            foreach (var argument in arguments.EnumerateArray())
            {
                if (i >= types.Count)
                {
                    return new HubArgumentError(null, string.Empty, $"The method takes {types.Count} argument(s); {arguments.GetArrayLength()} were sent.");
                }

                try
                {
                    JsonSerializer.Deserialize(argument, types[i], _payload);
                }
                catch (JsonException e)
                {
                    var (path, reason) = InputErrors.Describe(e);
                    return new HubArgumentError(i, path, reason);
                }

                i++;
            }

            return new HubArgumentError(null, string.Empty, $"The method takes {types.Count} argument(s); {i} were sent.");
        }
        catch (Exception e) when (e is JsonException or HubException or InvalidOperationException)
        {
            return new HubArgumentError(null, string.Empty, "The invocation is not JSON of the documented shape.");
        }
    }

    [GeneratedRegex("HubException: [a-z_]+: ")]
    private static partial Regex CodedPattern();

    [GeneratedRegex("^Unknown hub method '(.*)'$", RegexOptions.Singleline)]
    private static partial Regex UnknownMethodPattern();
}

/// <summary>An argument that did not bind: its position (null when the count was wrong), the member path inside it and why.</summary>
internal sealed record HubArgumentError(int? Index, string Path, string Reason)
{
    /// <summary>The refusal a client sees, naming the argument by the method's parameter name.</summary>
    public string Describe(IReadOnlyList<System.Reflection.ParameterInfo> parameters) =>
        Index is { } i && i < parameters.Count
            ? $"{InputErrors.Under(parameters[i].Name!, Path)}: {Reason}"
            : Reason;
}
