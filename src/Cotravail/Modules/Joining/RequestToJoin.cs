using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Joining;

/// A visitor asks to join a location: an unconfirmed account without membership, a pending request
/// for the location's managers, and an email-confirmation link, all in one transaction.
internal sealed class RequestToJoin(AppDb db, UserManager<User> users, EmailConfirmation confirmation, Outbox outbox, SiteLinks links, TimeProvider clock)
{
    public async Task<Result<JoinRequest>> HandleAsync(string slug, JoinInput input, CancellationToken ct)
    {
        var location = await db.Locations.FirstOrDefaultAsync(l => l.Slug == slug && l.IsActive, ct);
        if (location is null)
        {
            return new NotFound("Location");
        }
        if (await JoiningAccess.EmailTakenAsync(db, input.Email, ct))
        {
            return EmailTaken();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var email = EmailText.Normalize(input.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = $"{MemberFields.Name(input.FirstName)} {MemberFields.Name(input.LastName)}",
            // Emails to this person follow the language they used to ask.
            PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return AccountErrors.From(created, nameof(JoinInput.Password));
        }
        var request = new JoinRequest(location.Id, user.Id, input, now);
        db.Add(request);
        await confirmation.EnqueueAsync(user);
        await NotifyManagersAsync(location.Id, location.Name, request, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return request;
    }

    /// The location's managers hear of the request (each in their language).
    private async Task NotifyManagersAsync(Guid locationId, string locationName, JoinRequest request, CancellationToken ct)
    {
        var managers = await db.StaffAssignments.Where(s => s.LocationId == locationId && s.Role == StaffRole.Manager)
            .Join(db.Users.Where(u => u.IsActive), s => s.UserId, u => u.Id, (s, u) => new { u.Email, u.PreferredCulture, u.DisplayName })
            .ToListAsync(ct);
        var link = links.Absolute("/admin/join-requests");
        foreach (var manager in managers.Where(m => m.Email is not null))
        {
            outbox.Enqueue(manager.Email!, manager.PreferredCulture, l => JoiningEmails.NewRequest(l, manager.DisplayName, $"{request.FirstName} {request.LastName}", locationName, link));
        }
    }

    public static Conflict EmailTaken() => new(nameof(JoinInput.Email), LocalizedIdentityErrors.Taken);
}

internal static class AccountErrors
{
    /// Identity's refusal as an error value: a taken email is a conflict, a refused email is the email
    /// field's (its description is already localized), anything else is about the password.
    public static Error From(IdentityResult result, string passwordField)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return RequestToJoin.EmailTaken();
        }
        if (result.Errors.FirstOrDefault(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)) is { } email)
        {
            return new Invalid(nameof(JoinInput.Email), email.Description);
        }
        return new Invalid(passwordField, result.Errors.Select(e => e.Description).FirstOrDefault() ?? "The password is not accepted.");
    }
}
