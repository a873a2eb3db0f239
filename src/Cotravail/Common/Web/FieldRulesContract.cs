using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Cotravail.Common.Errors;

namespace Cotravail.Common.Web;

/// The API's JSON contract shows a FieldRulesAttribute's rules on its property, so the OpenAPI document (which
/// reads a property's attributes) describes the field as if each rule were written there: required, maxLength, pattern.
internal static class FieldRulesContract
{
    public static void Expand(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider is PropertyInfo info && info.IsDefined(typeof(FieldRulesAttribute), inherit: false))
            {
                property.AttributeProvider = new ExpandedProperty(info);
            }
        }
    }

    /// The property itself but for its attributes. It stays a PropertyInfo: the OpenAPI generator reads a
    /// nullable property's annotations through it (GetCustomAttributesData, left as compiled).
    private sealed class ExpandedProperty(PropertyInfo inner) : PropertyInfo
    {
        private readonly object[] attributes = [.. FieldRulesAttribute.Expand(inner.GetCustomAttributes(inherit: false))];

        public override string Name => inner.Name;

        public override Type PropertyType => inner.PropertyType;

        public override Type? DeclaringType => inner.DeclaringType;

        public override Type? ReflectedType => inner.ReflectedType;

        public override PropertyAttributes Attributes => inner.Attributes;

        public override bool CanRead => inner.CanRead;

        public override bool CanWrite => inner.CanWrite;

        public override Module Module => inner.Module;

        public override int MetadataToken => inner.MetadataToken;

        public override MethodInfo[] GetAccessors(bool nonPublic) => inner.GetAccessors(nonPublic);

        public override MethodInfo? GetGetMethod(bool nonPublic) => inner.GetGetMethod(nonPublic);

        public override MethodInfo? GetSetMethod(bool nonPublic) => inner.GetSetMethod(nonPublic);

        public override ParameterInfo[] GetIndexParameters() => inner.GetIndexParameters();

        public override object? GetValue(object? obj, BindingFlags invokeAttr, Binder? binder, object?[]? index, CultureInfo? culture) =>
            inner.GetValue(obj, invokeAttr, binder, index, culture);

        public override void SetValue(object? obj, object? value, BindingFlags invokeAttr, Binder? binder, object?[]? index, CultureInfo? culture) =>
            inner.SetValue(obj, value, invokeAttr, binder, index, culture);

        public override IList<CustomAttributeData> GetCustomAttributesData() => inner.GetCustomAttributesData();

        public override object[] GetCustomAttributes(bool inherit) => [.. attributes];

        public override object[] GetCustomAttributes(Type attributeType, bool inherit)
        {
            // Typed like the array reflection returns (Attribute.GetCustomAttributes casts it).
            var found = attributes.Where(attributeType.IsInstanceOfType).ToArray();
            var typed = (object[])Array.CreateInstance(attributeType, found.Length);
            found.CopyTo(typed, 0);
            return typed;
        }

        public override bool IsDefined(Type attributeType, bool inherit) => attributes.Any(attributeType.IsInstanceOfType);
    }
}
