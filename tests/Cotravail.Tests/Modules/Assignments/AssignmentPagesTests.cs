using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Assignments;

namespace Cotravail.Tests.Modules.Assignments;

public abstract class AssignmentPagesTests(TestApp app)
{
    [Fact]
    public async Task A_manager_assigns_from_the_back_office_sees_errors_by_field_with_what_was_typed_and_ends_it()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var holder = await world.MemberAsync("Pupitre");
        var booker = await world.MemberAsync("Gêneur");
        (await world.BookAsync(booker.Client, world.Office, world.Today(4))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        const string page = "/admin/assignments";
        var (_, form) = await TestApp.GetHtmlAsync(browser, page);
        form.QuerySelectorAll("#Input_ResourceId option").Select(o => o.GetAttribute("value")).ShouldContain(world.Desk.ToString());
        form.QuerySelectorAll("#Input_ResourceId option").Select(o => o.GetAttribute("value")).ShouldNotContain(world.Bookings.Room.ToString());

        using var backwards = await TestApp.PostFormAsync(browser, page, Fields(world.Desk, holder.MemberId, world.Today(5), "2020-01-01", "250"));
        backwards.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, shown) = await TestApp.ParseAsync(backwards);
        shown.QuerySelector("#Input_To-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        shown.QuerySelector("#Input_To")!.GetAttribute("value").ShouldBe("2020-01-01");
        shown.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe(AssignmentWorld.Text(world.Today(5)));
        shown.QuerySelector("#Input_MonthlyPrice")!.GetAttribute("value").ShouldBe("250");
        shown.QuerySelector("#Input_ResourceId option[selected]")!.GetAttribute("value").ShouldBe(world.Desk.ToString());

        using var inTheWay = await TestApp.PostFormAsync(browser, page, Fields(world.Office, holder.MemberId, world.Today(1), "", "900"));
        inTheWay.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, listed) = await TestApp.ParseAsync(inTheWay);
        listed.QuerySelectorAll("#in-the-way li").Length.ShouldBe(1);
        listed.QuerySelector(".validation-summary-errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        using var created = await TestApp.PostFormAsync(browser, page, Fields(world.Desk, holder.MemberId, world.Today(5), "", "250"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, list) = await TestApp.GetHtmlAsync(browser, created.Headers.Location!.OriginalString);
        var id = await app.WithDbAsync(db => db.ResourceAssignments.Where(a => a.ResourceId == world.Desk).Select(a => a.Id).SingleAsync());
        list.QuerySelector($"tr[data-assignment='{id}'] th")!.TextContent.ShouldBe("Poste 12");

        using var ended = await TestApp.PostFormAsync(browser, $"{page}?handler=End&id={id}",
            new Dictionary<string, string> { ["to"] = AssignmentWorld.Text(world.Today(9)) }, page);
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ResourceAssignments.Where(a => a.Id == id).Select(a => a.To).SingleAsync())).ShouldBe(world.Today(9));

        using var mine = await app.BrowserClientAsync(holder.Email);
        var (_, bookings) = await TestApp.GetHtmlAsync(mine, "/me/bookings");
        bookings.QuerySelector($"#my-assignments tr[data-assignment='{id}'] th")!.TextContent.ShouldBe("Poste 12");
        using var others = await app.BrowserClientAsync(booker.Email);
        var (_, theirs) = await TestApp.GetHtmlAsync(others, "/me/bookings");
        theirs.QuerySelector("#my-assignments").ShouldBeNull();
    }

    private static Dictionary<string, string> Fields(Guid resource, Guid member, DateOnly from, string to, string price) => new()
    {
        ["Input.ResourceId"] = resource.ToString(),
        ["Input.MemberId"] = member.ToString(),
        ["Input.CompanyId"] = "",
        ["Input.From"] = AssignmentWorld.Text(from),
        ["Input.To"] = to,
        ["Input.MonthlyPrice"] = price,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class AssignmentPagesTests_Sqlite(SqliteTestApp app) : AssignmentPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AssignmentPagesTests_Postgres(PostgresTestApp app) : AssignmentPagesTests(app);
