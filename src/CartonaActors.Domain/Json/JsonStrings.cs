using System.Text.Json;

namespace CartonaActors.Domain.Json;

/// <summary>
/// Reads a JSON string from another system's answer. <see cref="JsonElement.GetString"/> throws on an escaped lone
/// surrogate (<c>"\ud800"</c>), valid JSON that no .NET string can hold; a reader of a platform's answer must not
/// throw for what the platform sends, so such a string reads as it was written, escapes and all.
/// </summary>
public static class JsonStrings
{
    /// <summary>The element's string (it must be of kind String).</summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = element.GetRawText();
            return raw.Length >= 2 ? raw[1..^1] : raw;
        }
    }
}
