using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Cotravail.Common.Database;

namespace Cotravail.Tests.Architecture;

/// State lives in services the host owns (a singleton per app), not in static fields: the tests run several apps
/// in one process, and what a host starts it must be able to stop. ADR 17 names the only exceptions.
public sealed class StaticStateTests
{
    /// Allowed by ADR 17, with the reason there.
    static readonly string[] Allowed =
    [
        "Cotravail.Modules.Bookings.RowInserter.Plans",     // memo of a pure function of the EF model (per entity type)
        "Cotravail.Modules.Bookings.RowInserter.Depths",    // the same
        "Cotravail.Common.Database.MultiRowInsert.Plans",   // memo of a pure function of the EF model (per entity type)
        "Cotravail.Common.Database.SqliteWriteGate.Gates",  // one gate per SQLite file, for every writer of the process
    ];

    [Fact]
    public void No_static_field_holds_mutable_state_but_those_an_ADR_allows()
    {
        StaticState().Except(Allowed).ShouldBeEmpty();
    }

    [Fact]
    public void The_allowed_ones_still_exist()
    {
        Allowed.Except(StaticState()).ShouldBeEmpty("an exception no longer needed comes off the list and out of ADR 17");
    }

    /// Static fields that can change after start: not read-only, or read-only but of a type whose contents change
    /// (collections, locks, lazies, caches). Compiler-made fields (lambda caches, generated regexes) are left out.
    static List<string> StaticState() =>
        [.. typeof(AppDb).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Cotravail", StringComparison.Ordinal) == true && !IsGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && !f.Name.Contains('<') && f.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
                .Where(f => !f.IsInitOnly || Mutable(f.FieldType))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .Order(StringComparer.Ordinal)];

    static bool IsGenerated(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.GetCustomAttribute<CompilerGeneratedAttribute>() is not null || t.Name.Contains('<') || t.Namespace?.Contains(".Generated", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }
        return false;
    }

    /// A table typed as read-only (IReadOnlyList…, frozen or immutable collections) is data, not state; a lazy is
    /// as mutable as what it makes.
    static bool Mutable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Lazy<>) ? Mutable(type.GetGenericArguments()[0])
        : !type.IsValueType && type != typeof(string) && !type.IsArray && !IsReadOnly(type)
            && (typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(SemaphoreSlim) || type.Name.StartsWith("ConditionalWeakTable", StringComparison.Ordinal));

    static bool IsReadOnly(Type type) =>
        type.Namespace is "System.Collections.Frozen" or "System.Collections.Immutable"
        || (type.IsInterface && type.Name.StartsWith("IReadOnly", StringComparison.Ordinal));
}
