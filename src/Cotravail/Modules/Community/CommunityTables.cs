using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class CommunityTables
{
    extension(AppDb db)
    {
        public DbSet<MemberProfile> MemberProfiles => db.Set<MemberProfile>();

        public DbSet<MemberSkill> MemberSkills => db.Set<MemberSkill>();

        public DbSet<MemberTag> MemberTags => db.Set<MemberTag>();

        public DbSet<MemberPhoto> MemberPhotos => db.Set<MemberPhoto>();

        public DbSet<CommunityDigest> CommunityDigests => db.Set<CommunityDigest>();
    }
}
