using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Localization;

/// A text an operator writes in French and in English (ADR 23): each reader gets it in the interface's language,
/// else in the other one. Stored as two columns, the French one keeping the text's original column name.
internal sealed record BilingualText(string? Fr, string? En)
{
    public static BilingualText Empty { get; } = new(null, null);

    /// Trimmed; blank becomes null, so "missing" has one form.
    public static BilingualText Of(string? fr, string? en) => new(Clean(fr), Clean(en));

    public bool IsEmpty => Fr is null && En is null;

    /// The text for a reader of this culture: English for English, French for any other; the other language when
    /// that one is missing (Lang then names it, for the element's lang attribute).
    public ShownText For(CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        var (wanted, other, otherLang) = english ? (En, Fr, "fr") : (Fr, En, "en");
        return !string.IsNullOrWhiteSpace(wanted) ? new(wanted, null)
            : !string.IsNullOrWhiteSpace(other) ? new(other, otherLang)
            : ShownText.None;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// What a reader sees of a BilingualText. Lang is null when Text is in the reader's language, else "fr" or "en".
internal sealed record ShownText(string? Text, string? Lang)
{
    public static ShownText None { get; } = new(null, null);

    public bool FellBack => Lang is not null;
}

internal static class BilingualTextMapping
{
    /// The French text in `column`, the English one in `column` + "En", both nullable and at most maxLength long.
    public static void HasBilingualText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, BilingualText?>> property, string column, int maxLength)
        where T : class =>
        builder.ComplexProperty(property, text =>
        {
            text.Property(t => t.Fr).HasColumnName(column).HasMaxLength(maxLength);
            text.Property(t => t.En).HasColumnName(column + "En").HasMaxLength(maxLength);
        });
}
