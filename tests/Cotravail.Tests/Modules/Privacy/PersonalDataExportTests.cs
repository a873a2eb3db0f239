using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Community.Moderation;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Members;
using Cotravail.Common;
using Cotravail.Modules.Bookings;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Privacy.Export;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Tests.Modules.Privacy;

public abstract class PersonalDataExportTests(TestApp app)
{
    /// One row per table about the person. A table that the model adds later and that refers to a
    /// member or a user has no arranger here, so the completeness test fails until someone adds one
    /// (and checks it is exported and covered by an erasure step).
    private static readonly Dictionary<string, Func<AppDb, PrivacyPerson, Task>> Arrangers = new()
    {
        ["AspNetUsers"] = (_, _) => Task.CompletedTask,
        ["Members"] = (_, _) => Task.CompletedTask,
        ["MemberPrivacy"] = (db, p) =>
        {
            var row = new MemberPrivacy(p.MemberId);
            row.Apply(new PrivacyChoices { SharePresence = true }, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Add(row);
            return Task.CompletedTask;
        },
        ["MemberProfiles"] = (db, p) =>
        {
            db.Add(new MemberProfile(p.MemberId) { Headline = "Graphiste", Bio = "Je dessine.", UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            return Task.CompletedTask;
        },
        ["MemberSkills"] = (db, p) =>
        {
            db.Add(new MemberSkill(p.MemberId, "graphic-design", SkillUse.Offers));
            return Task.CompletedTask;
        },
        ["MemberTags"] = (db, p) =>
        {
            db.Add(new MemberTag(p.MemberId, "Risographie"));
            return Task.CompletedTask;
        },
        ["CommunityQuestions"] = async (db, p) => db.Add(await ExportQuestionAsync(db, p)),
        ["CommunityQuestionSkills"] = async (db, p) => db.Add(new CommunityQuestionSkill((await ExportQuestionAsync(db, p, add: true)).Id, "seo")),
        ["CommunityAnswers"] = async (db, p) => db.Add(new CommunityAnswer((await ExportQuestionAsync(db, p, add: true)).Id, p.MemberId, "Réponse", ExportAt)),
        ["CommunityThanks"] = async (db, p) =>
        {
            var answer = new CommunityAnswer((await ExportQuestionAsync(db, p, add: true)).Id, p.MemberId, "Réponse remerciée", ExportAt);
            db.Add(answer);
            db.Add(new CommunityThanks(answer.Id, p.MemberId, ExportAt));
        },
        ["CommunityMutes"] = (db, p) =>
        {
            db.Add(new CommunityMute(p.MemberId, "trade:Legal"));
            return Task.CompletedTask;
        },
        ["CommunityNotifications"] = async (db, p) =>
            db.Add(new CommunityNotification(p.MemberId, NotificationKind.QuestionForYou, (await ExportQuestionAsync(db, p, add: true)).Id, emailed: true, ExportAt)),
        ["CommunityReports"] = async (db, p) =>
        {
            var question = await ExportQuestionAsync(db, p, add: true);
            db.Add(new CommunityReport(p.MemberId, PostKind.Question, question.Id, question.AuthorId, question.LocationId, ReportReason.Spam, "Signalement d'export", ExportAt));
        },
        ["MemberPhotos"] = (db, p) =>
        {
            db.Add(new MemberPhoto(p.MemberId, "image/png", [0x89, 0x50, 0x4E, 0x47], 64, 64, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            return Task.CompletedTask;
        },
        ["CommunityDigests"] = (db, p) =>
        {
            db.Add(new CommunityDigest(p.MemberId, new DateOnly(2026, 1, 5), new DateTime(2026, 1, 5, 7, 0, 0, DateTimeKind.Utc)));
            return Task.CompletedTask;
        },
        ["CommunityProjects"] = async (db, p) => db.Add(await ExportProjectAsync(db, p)),
        ["ProjectMembers"] = async (db, p) =>
        {
            var project = await ExportProjectAsync(db, p);
            db.Add(project);
            db.Add(new ProjectMember(project.Id, p.MemberId, ProjectMemberState.Accepted, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["Introductions"] = async (db, p) =>
        {
            var project = await ExportProjectAsync(db, p);
            db.Add(project);
            db.Add(new Introduction(project.Id, p.MemberId, p.MemberId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["StaffAssignments"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            db.Add(new StaffAssignment(p.UserId, lyon, StaffRole.Host));
        },
        ["ApiTokens"] = (db, p) =>
        {
            db.Add(ApiToken.Issue(p.UserId, null, "export-test", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1)).Token);
            return Task.CompletedTask;
        },
        ["Bookings"] = async (db, p) =>
        {
            var room = await db.Resources.Where(r => r.Name != "").Select(r => new { r.Id, r.Kind, r.LocationId }).FirstAsync();
            var slot = new TimeSlot(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc));
            db.Add(new Booking(room.Id, room.Kind, room.LocationId, slot, slot, p.UserId, p.MemberId, "Export test booking", pending: false, slot.Start));
        },
        ["BookingAttendees"] = async (db, p) =>
        {
            var room = await db.Resources.Where(r => r.Name != "").Select(r => new { r.Id, r.Kind, r.LocationId }).FirstAsync();
            var slot = new TimeSlot(new DateTime(2026, 1, 6, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 6, 10, 0, 0, DateTimeKind.Utc));
            var host = new Booking(room.Id, room.Kind, room.LocationId, slot, slot, p.UserId, null, "Someone else's meeting", pending: false, slot.Start);
            db.Add(host);
            db.Add(BookingAttendee.ForMember(host.Id, p.MemberId, slot.Start));
        },
        ["JoinRequests"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            db.Add(new JoinRequest(lyon, p.UserId, new JoinInput { FirstName = "Export", LastName = p.LastName, Email = p.Email, Category = MemberCategory.Freelancer }, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["Invitations"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            var (invitation, _) = Invitation.Issue(p.Email, "Export", p.LastName, lyon, MemberCategory.Freelancer, null, null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            invitation.Accept(p.MemberId, new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
            db.Add(invitation);
        },
        ["Waitlist"] = async (db, p) =>
        {
            var room = await db.Resources.Select(r => new { r.Id, r.Kind, r.LocationId }).FirstAsync();
            db.Add(new WaitlistEntry(room.Id, room.LocationId, p.UserId, p.MemberId, "2026-01-05T09:00", "2026-01-05T10:00", new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc), null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["ResourceAssignments"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            var desk = new Cotravail.Modules.Resources.Resource(lyon, "Export desk", Cotravail.Modules.Resources.ResourceKind.DedicatedDesk, 1);
            db.Add(desk);
            var from = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Add(new Cotravail.Modules.Assignments.ResourceAssignment(desk.Id, desk.LocationId, p.MemberId, null, new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 1), from, from.AddDays(31), 25000, "EUR", 2000, p.UserId, from));
        },
        ["Invoices"] = async (db, p) => db.Add(await ExportInvoiceAsync(db, p, lineFor: null)),
        ["InvoiceLines"] = async (db, p) => db.Add(await ExportInvoiceAsync(db, p, lineFor: p.MemberId)),
        ["Payments"] = async (db, p) =>
        {
            var invoice = await ExportInvoiceAsync(db, p, lineFor: null);
            db.Add(invoice);
            db.Add(new Cotravail.Modules.Billing.Payment(invoice.Id, 1200, "EUR", Cotravail.Modules.Billing.PaymentMethod.Cash, new DateOnly(2026, 1, 5), null, p.UserId,
                new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["Charges"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            db.Add(new Cotravail.Modules.Billing.Charge(lyon, p.MemberId, null, Cotravail.Modules.Billing.ChargeSource.Manual, null, "2026-01", "Export locker key", 1, 500,
                20_000, "EUR", new DateOnly(2026, 1, 5), null, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["BillingRuns"] = (db, p) =>
        {
            // Cancelled, so it neither holds its month nor is taken up by the worker.
            var run = new Cotravail.Modules.Billing.BillingRun("1999-01", p.UserId, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc));
            run.Cancel(run.StartedAt);
            db.Add(run);
            return Task.CompletedTask;
        },
        ["ReducedRateGrants"] = (db, p) =>
        {
            db.Add(new Cotravail.Modules.Offers.ReducedRateGrant(p.MemberId, MemberCategory.Student, "Carte étudiante vue", new DateOnly(2026, 6, 30), p.UserId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            return Task.CompletedTask;
        },
        ["Subscriptions"] = async (db, p) =>
        {
            var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
            var offer = await db.Set<Cotravail.Modules.Offers.Offer>().FirstAsync(o => o.LocationId == lyon && o.Kind == Cotravail.Modules.Offers.OfferKind.Bundle);
            db.Add(new Cotravail.Modules.Subscriptions.Subscription(p.MemberId, offer, lyon, null, offer.PriceCents, new DateOnly(2026, 1, 5), 0, p.UserId,
                new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        },
        ["CalendarFeeds"] = (db, p) =>
        {
            db.Add(CalendarFeed.Create(p.UserId, null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Feed);
            return Task.CompletedTask;
        },
        ["IdempotentRequests"] = (db, p) =>
        {
            db.Add(new Cotravail.Common.Idempotency.IdempotentRequest(p.UserId, "export-test", new string('0', 64), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            return Task.CompletedTask;
        },
        ["RecoveryCodes"] = (db, p) =>
        {
            db.Add(new RecoveryCode(p.UserId, "ABCDE-12345"));
            return Task.CompletedTask;
        },
        ["AuditLog"] = (db, p) =>
        {
            db.Add(new AuditEntry(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), AuditActions.RoleGranted, null, null, "user", p.UserId, null, "Host at Lyon"));
            return Task.CompletedTask;
        },
        ["AspNetUserClaims"] = (db, p) =>
        {
            db.Add(new IdentityUserClaim<Guid> { UserId = p.UserId, ClaimType = ClaimTypes.Role, ClaimValue = "export-test" });
            return Task.CompletedTask;
        },
        ["AspNetUserLogins"] = (db, p) =>
        {
            db.Add(new IdentityUserLogin<Guid> { UserId = p.UserId, LoginProvider = "export-test", ProviderKey = p.UserId.ToString(), ProviderDisplayName = "Test" });
            return Task.CompletedTask;
        },
        ["AspNetUserTokens"] = (db, p) =>
        {
            db.Add(new IdentityUserToken<Guid> { UserId = p.UserId, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "SECRETAUTHKEY234" });
            return Task.CompletedTask;
        },
    };

    /// A project of the person's, at their home location.
    private static async Task<CommunityProject> ExportProjectAsync(AppDb db, PrivacyPerson p)
    {
        var home = await db.Members.Where(m => m.Id == p.MemberId).Select(m => m.HomeLocationId).FirstAsync();
        return new CommunityProject(p.MemberId, home, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))
        {
            Title = "Export project",
            Deadline = new DateOnly(2026, 2, 1),
        };
    }

    /// A draft invoice of the person's (a line for lineFor when given), at Lyon.
    private static async Task<Cotravail.Modules.Billing.Invoice> ExportInvoiceAsync(AppDb db, PrivacyPerson p, Guid? lineFor)
    {
        var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
        var buyer = new Cotravail.Modules.Billing.Buyer(lineFor is null ? p.MemberId : null, null, "Export", "1 rue", "69001", "Lyon", "FR", null, null, null);
        var invoice = Cotravail.Modules.Billing.Invoice.Draft(lyon, buyer, "EUR", "fr", p.UserId, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc));
        invoice.SetLines([new Cotravail.Modules.Billing.InvoiceLine("Export", 1, 1000, 0, 20_000, memberId: lineFor)]);
        return invoice;
    }

    private static readonly DateTime ExportAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// A question by the person (added to the context when asked: arrangers save together).
    private static async Task<CommunityQuestion> ExportQuestionAsync(AppDb db, PrivacyPerson p, bool add = false)
    {
        var home = await db.Members.Where(m => m.Id == p.MemberId).Select(m => m.HomeLocationId).FirstAsync();
        var question = new CommunityQuestion(p.MemberId, home, QuestionScope.Network, "Question d'export", "Corps", ExportAt);
        if (add)
        {
            db.Add(question);
        }
        return question;
    }

    [Fact]
    public async Task Every_table_that_refers_to_a_person_appears_in_their_export()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var tables = await app.WithDbAsync(db => Task.FromResult(PersonalDataMap.Discover(db.Model).Select(t => t.Table).ToList()));
        tables.ShouldContain("Members");
        tables.ShouldContain("AuditLog");
        tables.Except(Arrangers.Keys).ShouldBeEmpty("these tables refer to a person: add an arranger above, check the export and add an erasure step");
        await app.WithDbAsync(async db =>
        {
            foreach (var table in tables)
            {
                await Arrangers[table](db, person);
            }
            await db.SaveChangesAsync();
        });
        using var client = await app.ClientForAsync(person.Email);

        using var response = await client.GetAsync("/api/v1/me/export?format=json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain(".json");
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        var exported = export.GetProperty("tables");
        foreach (var table in tables)
        {
            exported.GetProperty(table).GetArrayLength().ShouldBeGreaterThan(0, table);
        }
        exported.GetProperty("Members")[0].GetProperty("Email").GetString().ShouldBe(person.Email);
        exported.GetProperty("AspNetUsers")[0].GetProperty("CreatedAt").GetString()!.ShouldEndWith("Z");
        exported.GetProperty("MemberPrivacy")[0].GetProperty("SharePresence").GetBoolean().ShouldBeTrue();
        exported.GetProperty("ApiTokens").EnumerateArray().Select(t => t.GetProperty("Name").GetString()).ShouldContain("export-test");
        foreach (var secret in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "SECRETAUTHKEY234" })
        {
            text.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task An_export_holds_only_the_persons_own_rows_and_is_audited()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var other = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        var text = await client.GetStringAsync("/api/v1/me/export");

        text.ShouldContain(person.Email);
        text.ShouldContain(person.LastName);
        using var export = JsonDocument.Parse(text);
        var member = export.RootElement.GetProperty("tables").GetProperty("Members").EnumerateArray().Single();
        foreach (var (column, value) in new[] { ("Street", person.Street), ("PostalCode", "26220"), ("City", "Dieulefit"), ("CountryCode", "FR") })
        {
            member.GetProperty(column).GetString().ShouldBe(value, $"the export's postal address ({column})");
        }
        text.ShouldNotContain(other.Email);
        text.ShouldNotContain(other.LastName);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.DataExported && a.ActorUserId == person.UserId));
        audited.ShouldBeTrue();
    }

    [Fact]
    public async Task The_csv_export_is_a_zip_of_one_file_per_table_with_formulas_neutralised()
    {
        var person = await PrivacyPeople.CreateAsync(app, firstName: "=HYPERLINK(\"http://evil.example\")");
        using var client = await app.ClientForAsync(person.Email);

        using var response = await client.GetAsync("/api/v1/me/export?format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        zip.Entries.Select(e => e.FullName).ShouldContain("Members.csv");
        zip.Entries.Select(e => e.FullName).ShouldContain("AspNetUsers.csv");
        using var reader = new StreamReader(zip.GetEntry("Members.csv")!.Open(), Encoding.UTF8);
        var members = await reader.ReadToEndAsync();
        members.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        members.ShouldContain("'+33 6 11 22 33 44");
        members.ShouldContain(person.Email);
        members.ShouldNotContain(",=HYPERLINK");
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused_by_field()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        using var response = await client.GetAsync("/api/v1/me/export?format=xml");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_my_data_page_downloads_the_json_export()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);

        var (_, page) = await TestApp.GetHtmlAsync(browser, "/me/data");
        var link = page.QuerySelector("#download-json")!.GetAttribute("href")!;
        using var response = await browser.GetAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await response.Content.ReadAsStringAsync()).ShouldContain(person.Email);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersonalDataExportTests_Sqlite(SqliteTestApp app) : PersonalDataExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PersonalDataExportTests_Postgres(PostgresTestApp app) : PersonalDataExportTests(app);
