using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// JSON-RPC answers as Odoo writes them: floats as Python floats (<c>10.0</c>), datetimes through
/// <c>Datetime.to_string</c> — whole seconds, the microseconds the database keeps are not sent.
/// </summary>
internal static class RpcJson
{
    public static string Result(JsonElement? id, object? result) => Envelope(id, w =>
    {
        w.WritePropertyName("result");
        Write(w, result);
    });

    /// <summary>The error object of <c>JsonRPCDispatcher.handle_error</c> (HTTP 200, code 200).</summary>
    public static string Error(JsonElement? id, OdooFault fault) => Envelope(id, w =>
    {
        w.WriteStartObject("error");
        w.WriteNumber("code", 200);
        w.WriteString("message", "Odoo Server Error");
        w.WriteStartObject("data");
        w.WriteString("name", fault.Name);
        // AccessDenied suppresses its traceback in Odoo; the others carry one (the client must not show it).
        w.WriteString("debug", fault.Name == "odoo.exceptions.AccessDenied" ? ""
            : $"Traceback (most recent call last):\n  File \"/odoo/odoo/service/model.py\", line 62, in dispatch\n{fault.Name}: {fault.Message}\n");
        w.WriteString("message", fault.Message);
        w.WriteStartArray("arguments");
        w.WriteStringValue(fault.Message);
        w.WriteEndArray();
        w.WriteStartObject("context");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Envelope(JsonElement? id, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            if (id is { } value) value.WriteTo(w);
            else w.WriteNullValue();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case string s: w.WriteStringValue(s); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case decimal d: w.WriteRawValue(PythonJson.FloatRepr((double)d)); break;
            case double d: w.WriteRawValue(PythonJson.FloatRepr(d)); break;
            case DateTime dt: w.WriteStringValue(dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); break;
            case JsonElement json: json.WriteTo(w); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                w.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
