using System.Buffers;
using Orleans.Serialization;
using Orleans.Storage;

namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// How grain state is stored: Orleans' binary, version-tolerant format (the state records' <c>[GenerateSerializer]</c>
/// and <c>[Id]</c>s), behind a four-byte marker. State without the marker was written as JSON (Orleans' default,
/// before this serializer) and is still read, so an upgrade loses nothing; the next write stores it in binary.
/// </summary>
/// <remarks>
/// JSON with type names cost a stream about 60 KB of text per chat message (its 200-message history) and a wallet
/// its whole ledger page per gift; binary is several times smaller and cheaper, and it names every type itself,
/// compiler-made collections included.
/// </remarks>
public sealed class GrainStateSerializer(Serializer serializer, IGrainStorageSerializer legacyJson) : IGrainStorageSerializer
{
    private static ReadOnlySpan<byte> Marker => "LSX\u0001"u8;

    public BinaryData Serialize<T>(T? input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Marker);
        serializer.Serialize(input, buffer);
        return new BinaryData(buffer.WrittenMemory);
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var data = input.ToMemory();
        return data.Span.StartsWith(Marker)
            ? serializer.Deserialize<T>(data[Marker.Length..])
            : legacyJson.Deserialize<T>(input);
    }
}
