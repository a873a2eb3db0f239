using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Web;

public abstract class HealthCheckTests(TestApp app)
{
    [Fact]
    public async Task Health_check_answers_200()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthCheckTests_Sqlite(SqliteTestApp app) : HealthCheckTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HealthCheckTests_Postgres(PostgresTestApp app) : HealthCheckTests(app);
