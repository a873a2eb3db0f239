namespace Cotravail.Common.Web;

/// One labelled text input with its error, for forms whose fields are plain text (see _TextField.cshtml).
internal sealed record TextField(string Name, string Label, string? Value, string Type = "text", string Autocomplete = "off", string? Lang = null);
