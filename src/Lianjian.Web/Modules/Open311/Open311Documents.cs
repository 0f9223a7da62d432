using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace Lianjian.Web.Modules.Open311;

/// <summary>The two output formats of GeoReport v2 (the path's extension).</summary>
public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>An object: named fields in the spec's order (XML child elements, JSON properties).</summary>
public sealed record O311Object(IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public O311Object(params (string Name, object? Value)[] fields) : this(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList())
    {
    }
}

/// <summary>A list: XML repeats <see cref="ItemName"/> inside its parent, JSON writes an array (the Spark convention).</summary>
public sealed record O311Array(string ItemName, IReadOnlyList<object?> Items);

/// <summary>
/// Writes one GeoReport v2 document in XML or JSON from the same tree, so the two formats cannot drift apart. Following
/// the spec: UTF-8 everywhere, an XML declaration with encoding="utf-8", no namespace; JSON is the Spark mapping of the
/// XML (a list root becomes an array, a missing value becomes null / an empty element); date-times are W3C ISO 8601
/// with the China offset (+08:00).
/// </summary>
public static class Open311Documents
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static bool TryParseFormat(string? text, out Open311Format format)
    {
        format = Open311Format.Xml;
        switch (text)
        {
            case "xml":
                return true;
            case "json":
                format = Open311Format.Json;
                return true;
            default:
                return false;
        }
    }

    public static string ContentType(Open311Format format) => format == Open311Format.Json ? JsonContentType : XmlContentType;

    public static string DateTime(DateTime utc) =>
        new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Platform.Calendar.ChinaClock.Offset)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static byte[] Write(Open311Format format, string rootName, object root) =>
        format == Open311Format.Json ? WriteJson(root) : WriteXml(rootName, root);

    private static byte[] WriteXml(string rootName, object root)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            // The spec's declaration: <?xml version="1.0" encoding="utf-8"?>.
            writer.WriteProcessingInstruction("xml", "version=\"1.0\" encoding=\"utf-8\"");
            writer.WriteStartElement(rootName);
            WriteXmlContent(writer, root);
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case O311Object obj:
                foreach (var (name, field) in obj.Fields)
                {
                    writer.WriteStartElement(name);
                    WriteXmlContent(writer, field);
                    writer.WriteEndElement();
                }

                break;
            case O311Array array:
                foreach (var item in array.Items)
                {
                    writer.WriteStartElement(array.ItemName);
                    WriteXmlContent(writer, item);
                    writer.WriteEndElement();
                }

                break;
            default:
                writer.WriteString(Scalar(value));
                break;
        }
    }

    private static byte[] WriteJson(object root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder, Indented = false }))
        {
            WriteJsonValue(writer, root);
        }

        return stream.ToArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case O311Object obj:
                writer.WriteStartObject();
                foreach (var (name, field) in obj.Fields)
                {
                    writer.WritePropertyName(name);
                    WriteJsonValue(writer, field);
                }

                writer.WriteEndObject();
                break;
            case O311Array array:
                writer.WriteStartArray();
                foreach (var item in array.Items) WriteJsonValue(writer, item);
                writer.WriteEndArray();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            default:
                writer.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => DateTime(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
