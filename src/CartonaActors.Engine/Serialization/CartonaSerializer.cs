using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace CartonaActors.Engine.Serialization;

/// <summary>
/// System.Text.Json with explicit string manifests for every event, snapshot and cross-node message, so a CLR
/// rename never breaks recovery (the default serializer stores type names).
/// </summary>
public sealed class CartonaSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4201;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

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

    public override object FromBinary(byte[] bytes, string manifest) =>
        Manifests.ByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, JsonOptions)
              ?? throw new SerializationException($"Manifest {manifest} deserialized to null")
            : throw new SerializationException($"Unknown manifest '{manifest}'");
}
