using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cotravail.Common.Web;

/// Every string of an API body goes through InputText: refused (400 naming the field) or normalised to NFC.
internal sealed class CleanTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // a number or object where text is expected: the usual 400
        }
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InputTextException(); // an escaped unpaired surrogate
        }
        return InputText.IsClean(text) ? InputText.Normalize(text) : throw new InputTextException();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// A JSON string that InputText refuses; the serializer adds the field's path.
internal sealed class InputTextException : JsonException
{
}
