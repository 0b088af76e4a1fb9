using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Math;

/// <summary>
/// JSON of results and states through a source-generated context (no reflection, trimming-safe). Output is
/// byte-identical for identical objects: properties in declaration order, arrays in the library's stable order.
/// </summary>
public static class MathJson
{
    public static string Serialize(MathResult result) => JsonSerializer.Serialize(result, MathJsonContext.Default.MathResult);

    public static string Serialize(MathState state) => JsonSerializer.Serialize(state, MathJsonContext.Default.MathState);

    public static byte[] SerializeToUtf8Bytes(MathResult result) => JsonSerializer.SerializeToUtf8Bytes(result, MathJsonContext.Default.MathResult);

    public static byte[] SerializeToUtf8Bytes(MathState state) => JsonSerializer.SerializeToUtf8Bytes(state, MathJsonContext.Default.MathState);

    public static MathResult? DeserializeResult(string json) => JsonSerializer.Deserialize(json, MathJsonContext.Default.MathResult);

    public static MathState? DeserializeState(string json) => JsonSerializer.Deserialize(json, MathJsonContext.Default.MathState);

    public static MathState? DeserializeState(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, MathJsonContext.Default.MathState);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(MathResult))]
[JsonSerializable(typeof(MathState))]
internal sealed partial class MathJsonContext : JsonSerializerContext;
