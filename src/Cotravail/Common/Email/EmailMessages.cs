namespace Cotravail.Common.Email;

/// Why EmailText refuses an address; resource keys, {0} is the field's name.
internal static class EmailMessages
{
    public const string NotAnEmail = "{0} must be a valid email address.";
    public const string Invisible = "{0} must not contain spaces or invisible characters.";
    public const string MisplacedDot = "{0} must not start or end with a dot, nor have two dots in a row.";
    public const string MixedScripts = "{0} mixes letters of different alphabets (such as Latin and Cyrillic), as look-alike addresses do.";
}
