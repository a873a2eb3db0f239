using System.ComponentModel.DataAnnotations;

namespace Cotravail.Common.Errors;

/// An amount in a currency's major unit, 0 to 1,000,000, compared as a decimal: [Range(0, 1_000_000)] compares
/// as Int32 and throws on 2,147,483,648 instead of refusing it.
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class PriceAttribute : RangeAttribute
{
    public PriceAttribute()
        : base(typeof(decimal), "0", "1000000")
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
        ErrorMessage = Messages.Range;
    }
}
