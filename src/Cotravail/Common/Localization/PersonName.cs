using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Localization;

/// Erasure (ADR 6) writes one neutral text in place of a person's names, whatever the reader's language: rows stay
/// comparable and sortable. Pages translate it where they show a name ("Ancien membre" in French).
internal static class PersonName
{
    public const string Erased = "Former member";

    /// The name as stored, or "Former member" in the reader's language for an erased person (stored first name
    /// "Former member", last name empty, in either order).
    public static string Shown(string? name, IStringLocalizer l) => name?.Trim() is Erased ? l[Erased] : name ?? "";
}
