namespace Cotravail.Common.Auth;

internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        IssueToken.Map(api);
        return api;
    }
}
