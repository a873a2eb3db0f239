using Cotravail.Common.Auth;

namespace Cotravail.Common.Localization;

/// English resource keys for Common's enums shown to people (the resource files translate them); a module
/// keeps its own enums' (ResourceText, MemberText).
internal static class EnumText
{
    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Manager => "Manager",
        StaffRole.Host => "Host",
        _ => role.ToString(),
    };

    public static string Of(DayOfWeek day) => day.ToString();

    public static IEnumerable<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));
}
