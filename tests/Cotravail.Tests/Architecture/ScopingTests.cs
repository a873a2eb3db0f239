using System.Reflection;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Community;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Architecture;

/// Tenant scoping has one shape: AccessScope says which locations a caller covers, and every table owned
/// by a location has a VisibleTo(…, AccessScope) filter answering IQueryable&lt;T&gt; that handlers query through (the
/// community's take a CommunityViewer, the AccessScope with where "my location" reaches).
/// A new location-owned table fails here until it gets one (or a written reason not to).
public sealed class ScopingTests
{
    private static readonly Dictionary<Type, string> Exempt = new()
    {
        [typeof(StaffAssignment)] = "read and changed only by network admins (staff management)",
        [typeof(Cotravail.Common.Audit.AuditEntry)] = "searched by network admins only",
        [typeof(Cotravail.Modules.Bookings.WaitlistEntry)] = "read and left only by the member who waits (filtered by account)",
        [typeof(Cotravail.Modules.Locations.Photos.LocationPhoto)] = "public images of active locations; changes go through the location's VisibleTo",
    };

    [Fact]
    public void Every_location_owned_table_has_a_scope_filter()
    {
        using var db = new AppDb(new DbContextOptionsBuilder<AppDb>().UseSqlite("Data Source=:memory:").Options);
        var owned = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType.Namespace?.StartsWith("Cotravail", StringComparison.Ordinal) == true)
            .Select(e => e.ClrType)
            .Where(t => t.Name == "Location" || t.GetProperty("LocationId") is not null || t.GetProperty("HomeLocationId") is not null)
            .ToList();
        var filters = typeof(AppDb).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.Name == "VisibleTo" && m.GetParameters().Any(p => p.ParameterType == typeof(AccessScope) || p.ParameterType == typeof(CommunityViewer)))
            .Select(m => m.ReturnType)
            .Where(r => r.IsGenericType && r.GetGenericTypeDefinition() == typeof(IQueryable<>))
            .Select(r => r.GetGenericArguments()[0])
            .ToHashSet();

        owned.Count.ShouldBeGreaterThan(5);
        owned.Where(t => !filters.Contains(t) && !Exempt.ContainsKey(t)).Select(t => t.Name)
            .ShouldBeEmpty("add a VisibleTo(this IQueryable<T>, …, AccessScope) filter, or a reason to Exempt");
    }
}
