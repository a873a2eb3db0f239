using System.Globalization;

namespace Cotravail.Modules.Resources;

/// What an audit entry says about a price change: "memberHourly 12.00 → 14.00 EUR; nonMemberDay — → 90.00 EUR".
internal static class RateChanges
{
    public static string? Describe(Rates before, Rates after, string currency)
    {
        (string Name, long? Old, long? New)[] fields =
        [
            ("memberHourly", before.MemberHourly, after.MemberHourly),
            ("memberHalfDay", before.MemberHalfDay, after.MemberHalfDay),
            ("memberDay", before.MemberDay, after.MemberDay),
            ("nonMemberHourly", before.NonMemberHourly, after.NonMemberHourly),
            ("nonMemberHalfDay", before.NonMemberHalfDay, after.NonMemberHalfDay),
            ("nonMemberDay", before.NonMemberDay, after.NonMemberDay),
        ];
        var changes = fields.Where(f => f.Old != f.New).Select(f => $"{f.Name} {Format(f.Old)} → {Format(f.New)} {currency}").ToList();
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    private static string Format(long? cents) => cents is { } c ? (c / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
