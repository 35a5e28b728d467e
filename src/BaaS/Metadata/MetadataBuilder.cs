using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using BaaS.Reflection;

namespace BaaS.Metadata;

/// <summary>
/// Builds the one <see cref="AppMetadata"/> of the app at startup from the <see cref="OperationCatalog"/>: each
/// operation with its full request type, and every other type reachable from requests and responses (base types,
/// property types, generic arguments, enums), generic definitions listed once.
/// </summary>
internal sealed class MetadataBuilder
{
    private readonly Dictionary<Type, MetadataType> _types = [];
    private readonly HashSet<Type> _requestTypes = [];

    public static AppMetadata Build(OperationCatalog catalog, BaaSOptions options, IReadOnlyList<Type>? exportTypes = null)
    {
        var builder = new MetadataBuilder();
        var visible = catalog.Operations.Where(o => !o.ExcludeFromMetadata).ToList();
        foreach (var operation in visible) builder._requestTypes.Add(operation.RequestType);

        var operations = new List<MetadataOperationType>();
        foreach (var operation in visible)
        {
            var routeVariables = operation.Routes
                .SelectMany(r => Routing.RouteTemplate.Parse(r.Path, operation.Name).Parameters)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var request = builder.Describe(operation.RequestType);
            foreach (var property in request.Properties ?? [])
            {
                if (routeVariables.Contains(property.Name)) property.ParamType = "path";
                DescribeItemLimit(operation.RequestType, property, options.MaxCollectionItems);
            }
            builder.Walk(operation.RequestType, includeSelf: false);
            var auth = AuthRequirements.Of(operation.RequestType);
            if (operation.ResponseType is not null) builder.Walk(operation.ResponseType, includeSelf: true);

            operations.Add(new MetadataOperationType
            {
                Request = request,
                Response = operation.ResponseType is null ? null : TypeNames.RefOf(operation.ResponseType),
                Actions = [.. operation.Actions],
                Method = operation.PreferredVerb,
                ReturnsVoid = operation.ReturnsVoid,
                Routes = [.. operation.Routes.Select(r => new MetadataRoute { Path = r.Path, Verbs = r.Verbs, Summary = r.Summary, Notes = r.Notes })],
                DataModel = operation.DataModel is null ? null : TypeNames.RefOf(operation.DataModel),
                Tags = operation.Tags.Count == 0 ? null : [.. operation.Tags],
                RequiresAuth = auth.RequiresAuth,
                RequiredRoles = auth.Roles.Count == 0 ? null : [.. auth.Roles],
                RequiredPermissions = auth.Permissions.Count == 0 ? null : [.. auth.Permissions],
                RequiresApiKey = auth.RequiresApiKey ? true : null,
                RequiredApiKeyScopes = auth.ApiKeyScopes.Count == 0 ? null : [.. auth.ApiKeyScopes],
            });
        }

        // Types no operation refers to but clients should know (a feature's pushed messages): described like the others.
        foreach (var type in exportTypes ?? []) builder.Walk(type, includeSelf: true);

        var tags = visible.SelectMany(o => o.RequestType.GetCustomAttributes<TagAttribute>(true))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => operations.Any(o => o.Tags?.Contains(g.Key) == true))
            .Select(g => new MetadataTag
            {
                Name = g.Key,
                Description = g.Select(t => t.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)),
                Icon = g.Select(t => t.Icon).FirstOrDefault(i => !string.IsNullOrWhiteSpace(i)),
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        var types = builder._types.Values.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new AppMetadata
        {
            App = new AppInfo
            {
                ServiceName = options.ServiceName,
                Version = typeof(MetadataBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                ApiBasePath = "/" + options.ApiBasePath.Trim('/'),
                Formats = ["json", "csv", "jsonl"],
            },
            Api = new MetadataTypes
            {
                Operations = operations,
                Tags = tags.Count == 0 ? null : tags,
                Types = types,
                Namespaces = [.. types.Select(t => t.Namespace).Concat(operations.Select(o => o.Request.Namespace))
                    .OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            },
        };
    }

    /// <summary>Adds a type and everything it refers to.</summary>
    private void Walk(Type type, bool includeSelf)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) type = underlying;
        if (type.IsArray) { Walk(type.GetElementType()!, true); return; }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments()) Walk(argument, true);
            if (!type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        }
        if (type.IsGenericParameter || IsSystemType(type) || type == typeof(UploadedFile)) return;
        if (includeSelf)
        {
            if (_types.ContainsKey(type) || _requestTypes.Contains(type)) return;
            _types[type] = Describe(type);
        }
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            if (baseType.IsGenericType)
                foreach (var argument in baseType.GetGenericArguments()) Walk(argument, true);
            Walk(baseType, true);
        }
        if (type.IsEnum) return;
        foreach (var property in DeclaredProperties(type)) Walk(property.Type, true);
        foreach (var iface in ClientInterfaces(type))
            foreach (var argument in iface.GetGenericArguments()) Walk(argument, true);
    }

    private MetadataType Describe(Type type)
    {
        var api = type.GetCustomAttribute<ApiAttribute>(false);
        var described = new MetadataType
        {
            Name = type.Name,
            Namespace = type.Namespace,
            Description = api?.Description ?? type.GetCustomAttribute<DescriptionAttribute>(false)?.Description ?? XmlDocs.Summary(type),
            Notes = api?.Notes,
            IsNested = type.IsNested ? true : null,
            DeclaringType = TypeNames.DeclaringOf(type),
            IsAbstract = type is { IsAbstract: true, IsInterface: false, IsSealed: false } ? true : null,
            IsInterface = type.IsInterface ? true : null,
        };
        if (type.IsGenericTypeDefinition)
        {
            described.IsGenericTypeDef = true;
            described.GenericArgs = [.. type.GetGenericArguments().Select(a => a.Name)];
        }
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            described.Inherits = TypeNames.RefOf(baseType);

        if (type.IsEnum)
        {
            DescribeEnum(type, described);
            return described;
        }

        var interfaces = ClientInterfaces(type).Select(TypeNames.RefOf).ToList();
        if (interfaces.Count > 0) described.Implements = interfaces;
        var attributes = AttributesOf(type.GetCustomAttributes(false));
        if (attributes.Count > 0) described.Attributes = attributes;

        var properties = DeclaredProperties(type).Select(DescribeProperty).ToList();
        if (properties.Count > 0) described.Properties = properties;
        return described;
    }

    private static void DescribeEnum(Type type, MetadataType described)
    {
        described.IsEnum = true;
        var names = new List<string>();
        var identifiers = new List<string>();
        var values = new List<string>();
        var descriptions = new List<string>();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            names.Add(field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name);
            identifiers.Add(field.Name);
            values.Add(Convert.ToInt64(field.GetValue(null), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            descriptions.Add(field.GetCustomAttribute<DescriptionAttribute>()?.Description ?? XmlDocs.Summary(field) ?? "");
        }
        described.EnumNames = names;
        described.EnumValues = values;
        if (!identifiers.SequenceEqual(names, StringComparer.Ordinal)) described.EnumMemberNames = identifiers;
        if (type.IsDefined(typeof(FlagsAttribute), false)) described.IsFlags = true;
        if (descriptions.Any(d => d.Length > 0)) described.EnumDescriptions = descriptions;
        if (Text.WireFormat.IsNumericEnum(type)) described.IsEnumInt = true;
    }

    private static MetadataPropertyType DescribeProperty(PropertyModel property)
    {
        var type = property.Type;
        var member = property.GetAttribute<ApiMemberAttribute>();
        var described = new MetadataPropertyType
        {
            Name = property.Name,
            Type = TypeNames.NameOf(type),
            Namespace = type.IsArray ? type.GetElementType()!.Namespace : type.Namespace,
            GenericArgs = TypeNames.GenericArgsOf(type),
            GenericArgRefs = TypeNames.GenericArgRefsOf(type),
            IsValueType = type.IsValueType ? true : null,
            IsEnum = property.UnderlyingType.IsEnum ? true : null,
            IsRequired = property.IsRequired ? true : null,
            Description = member?.Description ?? property.GetAttribute<DescriptionAttribute>()?.Description ?? XmlDocs.Summary(property.Info),
        };
        var attributes = AttributesOf(property.Attributes);
        if (attributes.Count > 0) described.Attributes = attributes;
        return described;
    }

    /// <summary>
    /// A request's collection property without <c>[ValidateMaxItems]</c> still has a limit (BaaSOptions.MaxCollectionItems):
    /// it is listed as if declared, so clients and the OpenAPI document (<c>maxItems</c>) see the limit binding enforces.
    /// </summary>
    private static void DescribeItemLimit(Type requestType, MetadataPropertyType described, int maxItems)
    {
        if (TypeModel.Of(requestType).Find(described.Name) is not { } property) return;
        var type = property.Type;
        if (type == typeof(string) || type == typeof(byte[]) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return;
        if (property.HasAttribute<ValidateMaxItemsAttribute>()) return;
        (described.Attributes ??= []).Add(new MetadataAttribute
        {
            Name = "ValidateMaxItems",
            Args = [new MetadataPropertyType { Name = nameof(ValidateMaxItemsAttribute.Max), Type = "Int32", Value = maxItems.ToString(CultureInfo.InvariantCulture) }],
        });
    }

    // An override (a DTO's default OrderBy) is the base type's property: declaring it again in a client type would
    // hide the base one (CS0114 in C#, TS2612 in TypeScript).
    private static IEnumerable<PropertyModel> DeclaredProperties(Type type) =>
        TypeModel.Of(type).DeclaredProperties
            .Where(p => p.CanRead && !p.HasAttribute<JsonIgnoreAttribute>() && !p.HasAttribute<IgnoreDataMemberAttribute>() &&
                        p.GetAttribute<ApiMemberAttribute>()?.ExcludeInSchema != true);

    /// <summary>Interfaces clients know: the contract's own (IReturn`1, IGet, ...), not .NET's.</summary>
    private static IEnumerable<Type> ClientInterfaces(Type type) =>
        type.GetInterfaces().Where(i => i.Namespace?.StartsWith("BaaS", StringComparison.Ordinal) == true && i != typeof(IHasResponseStatus) && i != typeof(IReturn))
            .OrderBy(i => i.Name, StringComparer.Ordinal);

    /// <summary>Attributes from the contract (validation, data model, UI hints), minus those described elsewhere.</summary>
    private static List<MetadataAttribute> AttributesOf(IEnumerable<object> attributes)
    {
        var list = new List<MetadataAttribute>();
        foreach (var attribute in attributes)
        {
            var type = attribute.GetType();
            if (type.Namespace?.StartsWith("BaaS", StringComparison.Ordinal) != true) continue;
            if (attribute is RouteAttribute or TagAttribute or ApiAttribute or ApiMemberAttribute or ExcludeMetadataAttribute or
                ValidateIsAuthenticatedAttribute or ValidateIsAdminAttribute or ValidateHasRoleAttribute or ValidateHasPermissionAttribute) continue;
            var args = new List<MetadataPropertyType>();
            foreach (var property in TypeModel.Of(type).Properties)
            {
                if (property.Name == nameof(Attribute.TypeId) || !property.HasGetter) continue;
                var value = property.Getter(attribute);
                // A settable property at its default was not given (an optional named argument); a get-only one is a
                // constructor argument and always said, even when it is its type's default ([ValidateGreaterThan(0)]).
                if (value is null || (property.CanWrite && property.IsPlainValueType && value.Equals(property.DefaultValue))) continue;
                args.Add(new MetadataPropertyType
                {
                    Name = property.Name,
                    Type = TypeNames.NameOf(property.Type),
                    Value = value switch
                    {
                        Type t => t.Name,
                        Type[] types => string.Join(",", types.Select(t => t.Name)),
                        string[] strings => string.Join(",", strings),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    },
                });
            }
            var name = type.Name.EndsWith("Attribute", StringComparison.Ordinal) ? type.Name[..^"Attribute".Length] : type.Name;
            list.Add(new MetadataAttribute { Name = name, Args = args.Count > 0 ? args : null });
        }
        return list;
    }

    private static bool IsSystemType(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(object) ||
        (type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)));
}
