using System.Text;
using System.Text.Json;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>Small JSON writing helpers so endpoint code reads as the wire format it produces.</summary>
internal static class JsonText
{
    public static string Object(params (string Name, string Value)[] properties) =>
        Write(w =>
        {
            w.WriteStartObject();
            foreach (var (name, value) in properties) w.WriteString(name, value);
            w.WriteEndObject();
        });

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
