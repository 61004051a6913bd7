using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace CartonaActors.Engine.Serialization;

/// <summary>
/// System.Text.Json with explicit string manifests for every event, snapshot and cross-node message, so a CLR
/// rename never breaks recovery (the default serializer stores type names). Manifests of older shapes are read
/// by the readers the platforms register (each turns its old shape into today's neutral type).
/// </summary>
public sealed class SyncSerializer(ExtendedActorSystem system, IReadOnlyDictionary<string, Func<byte[], object>> legacyReaders)
    : SerializerWithStringManifest(system)
{
    public const int Id = 4201;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public SyncSerializer(ExtendedActorSystem system) : this(system, new Dictionary<string, Func<byte[], object>>()) { }

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        Manifests.ByType.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"No manifest is registered for {o.GetType().FullName}; add it to Manifests.");

    public override byte[] ToBinary(object obj)
    {
        _ = Manifest(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JsonOptions);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (Manifests.ByManifest.TryGetValue(manifest, out var type))
            return JsonSerializer.Deserialize(bytes, type, JsonOptions)
                   ?? throw new SerializationException($"Manifest {manifest} deserialized to null");
        if (legacyReaders.TryGetValue(manifest, out var read)) return read(bytes);
        throw new SerializationException($"Unknown manifest '{manifest}' (is the platform that wrote it registered?)");
    }
}
