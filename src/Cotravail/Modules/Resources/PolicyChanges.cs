using System.Globalization;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Resources;

/// What an audit entry says about a change of booking rules: "maxMinutes 660 → 240; requiresApproval False → True".
internal static class PolicyChanges
{
    public static string? Describe(BookingPolicy before, BookingPolicy after)
    {
        var (old, @new) = (BookingPolicyInput.From(before), BookingPolicyInput.From(after));
        var changes = typeof(BookingPolicyInput).GetProperties()
            .Select(p => (Name: ErrorMapping.JsonName(p.Name), Old: Format(p.GetValue(old)), New: Format(p.GetValue(@new))))
            .Where(c => c.Old != c.New)
            .Select(c => $"{c.Name} {c.Old} → {c.New}")
            .ToList();
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    private static string Format(object? value) => value is null ? "—" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "—";
}
