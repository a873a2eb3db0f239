namespace Cotravail.Common.Errors;

/// Expected failures are values, mapped in one place to problem details (API) or form messages (UI).
/// Messages are resource keys, localized when shown.
internal abstract record Error(string Message);

internal sealed record NotFound(string What) : Error("Not found.");

internal sealed record Forbidden() : Error("You are not allowed to do this.");

/// A field-level failure the user can fix: 400 from the API, a message by the field in the UI.
internal sealed record Invalid(string Field, string Reason) : Error(Reason);

/// The request clashes with stored state (a taken slug or email): 409.
internal sealed record Conflict(string Field, string Reason) : Error(Reason);
