using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

/// Names a password must not contain (the network's, its spaces'): each module that owns such names gives them.
internal interface IOrganisationNames
{
    Task<List<string>> NamesAsync(AppDb db);
}
