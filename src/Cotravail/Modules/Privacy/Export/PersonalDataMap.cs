using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cotravail.Modules.Privacy.Export;

/// Which of a person's ids a column holds.
internal enum SubjectKind
{
    User,
    Member,

    /// A column that may hold either id (the audit log's TargetId).
    Either,
}

internal sealed record PersonColumn(IProperty Property, SubjectKind Kind);

internal sealed record PersonTable(IEntityType EntityType, string Table, IReadOnlyList<PersonColumn> Columns, IReadOnlyList<IProperty> Exported);

/// Finds, from the EF model, every table that holds rows about a person, so a table added later is
/// exported (and must be covered by an erasure step) without anyone remembering to list it.
/// A table is about a person when it is Users or Members, has a foreign key to one of them, or has a
/// Guid column named *UserId or *MemberId (tables without foreign keys, like the audit log).
internal static class PersonalDataMap
{
    public static IReadOnlyList<PersonTable> Discover(IModel model) =>
        [.. model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .Select(e => new PersonTable(e, e.GetTableName()!, ColumnsOf(e), [.. e.GetProperties().Where(p => !IsSecret(e, p))]))
            .Where(t => t.Columns.Count > 0)
            .OrderBy(t => t.Table, StringComparer.Ordinal)];

    /// Secrets are never exported: password and token hashes, security and concurrency stamps, and
    /// Identity's user tokens (authenticator keys, recovery codes). Name a new secret column *Hash or *Secret.
    public static bool IsSecret(IEntityType entity, IProperty property) =>
        property.Name.EndsWith("Hash", StringComparison.Ordinal)
        || property.Name.EndsWith("Stamp", StringComparison.Ordinal)
        || property.Name.Contains("Secret", StringComparison.Ordinal)
        || (entity.ClrType == typeof(IdentityUserToken<Guid>) && property.Name == nameof(IdentityUserToken<Guid>.Value));

    private static List<PersonColumn> ColumnsOf(IEntityType entity)
    {
        var columns = new Dictionary<IProperty, SubjectKind>();
        if (entity.ClrType == typeof(User))
        {
            columns[entity.FindPrimaryKey()!.Properties[0]] = SubjectKind.User;
        }
        if (entity.ClrType == typeof(Member))
        {
            columns[entity.FindPrimaryKey()!.Properties[0]] = SubjectKind.Member;
        }
        foreach (var key in entity.GetForeignKeys().Where(k => k.Properties.Count == 1))
        {
            var principal = key.PrincipalEntityType.ClrType;
            if (principal == typeof(User) || principal == typeof(Member))
            {
                columns.TryAdd(key.Properties[0], principal == typeof(User) ? SubjectKind.User : SubjectKind.Member);
            }
        }
        foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)))
        {
            if (property.Name.EndsWith("UserId", StringComparison.Ordinal))
            {
                columns.TryAdd(property, SubjectKind.User);
            }
            else if (property.Name.EndsWith("MemberId", StringComparison.Ordinal))
            {
                columns.TryAdd(property, SubjectKind.Member);
            }
        }
        if (entity.ClrType == typeof(AuditEntry))
        {
            // The log names what an action was on by TargetType + TargetId, a user or a member id.
            columns.TryAdd(entity.FindProperty(nameof(AuditEntry.TargetId))!, SubjectKind.Either);
        }
        return [.. columns.Select(c => new PersonColumn(c.Key, c.Value))];
    }
}
