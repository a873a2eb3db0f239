namespace Cotravail.BrowserTests.Infrastructure;

/// The axe check itself: it must fail on a page with violations, or every "accessible" journey proves nothing.
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    [Fact]
    public async Task The_check_fails_on_a_page_with_an_image_without_text_and_an_unlabelled_field()
    {
        var page = await app.NewPageAsync("en-GB");
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>
            """);

        string? failure = null;
        try
        {
            await page.ShouldHaveNoViolationsAsync();
        }
        catch (ShouldAssertException e)
        {
            failure = e.Message;
        }

        failure.ShouldNotBeNull("the check passed a page with two violations");
        failure.ShouldContain("image-alt");
        failure.ShouldContain("label (critical)");
        await page.Context.CloseAsync();
    }
}
