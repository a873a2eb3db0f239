using Cotravail.Common.Auth;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Privacy;

/// A member with a sign-in account and recognisable personal data, created for one test.
internal sealed record PrivacyPerson(Guid UserId, Guid MemberId, string Email, string LastName, string Phone, string Street);

internal static class PrivacyPeople
{
    public static async Task<PrivacyPerson> CreateAsync(TestApp app, string homeSlug = DemoAccounts.ParisSlug, string firstName = "Solène")
    {
        var email = TestApp.NewEmail("privacy");
        var lastName = "Marchetti" + Guid.NewGuid().ToString("N")[..8];
        const string phone = "+33 6 11 22 33 44";
        var street = $"7 impasse {lastName}";
        User user = await app.CreateUserAsync(email);
        var memberId = await app.WithDbAsync(async db =>
        {
            var home = await db.Locations.Where(l => l.Slug == homeSlug).Select(l => l.Id).FirstAsync();
            var member = new Member(firstName, lastName, email, MemberCategory.Freelancer, home) { Phone = phone };
            member.MoveTo(street, "26220", "Dieulefit", "FR");
            member.LinkAccount(user.Id);
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return new PrivacyPerson(user.Id, memberId, email, lastName, phone, street);
    }
}
