namespace Cotravail.Common.Errors;

/// Message templates for validation attributes; they are resource keys ({0} is the field's name).
internal static class Messages
{
    public const string Required = "{0} is required.";
    public const string TooLong = "{0} must be at most {1} characters.";
    public const string Length = "{0} must have between {2} and {1} characters.";
    public const string Range = "{0} must be between {1} and {2}.";
    public const string Invalid = "{0} is not valid.";
    public const string Format = "{0} does not have the expected format.";
}
