using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BaaS.Reflection;

namespace BaaS.Binding;

/// <summary>
/// One settable property of a request DTO, with everything binding needs worked out once at startup: the shared
/// <see cref="PropertyModel"/>'s accessors and facts, plus the binder's own text parser and JSON type info.
/// </summary>
internal sealed class DtoProperty
{
    private readonly object? _default;
    private readonly bool _isPlainValueType;

    /// <param name="index">The position in the DTO's property list.</param>
    /// <param name="property">The shared property model.</param>
    /// <param name="json">The wire format's JSON options.</param>
    /// <param name="maxItems">The limit of a collection property without <see cref="ValidateMaxItemsAttribute"/>.</param>
    public DtoProperty(int index, PropertyModel property, JsonSerializerOptions json, int maxItems)
    {
        Index = index;
        Name = property.Name;
        Type = property.Type;
        Set = property.Setter;
        Get = property.CanRead ? property.Getter : _ => null;
        Parser = ValueParser.For(Type, json);
        Json = json.GetTypeInfo(Type);
        IsRequired = property.IsRequired;
        IgnoresNull = !Type.IsValueType && property.WriteState == NullabilityState.NotNull;
        _isPlainValueType = property.IsPlainValueType;
        _default = property.DefaultValue;
        var isCollection = Type != typeof(string) && Type != typeof(byte[]) && typeof(System.Collections.IEnumerable).IsAssignableFrom(Type);
        MaxItems = property.GetAttribute<ValidateMaxItemsAttribute>()?.Max ?? (isCollection ? maxItems : null);
        ItemsNotNull = property.ItemsNotNull;
        IsFileList = isCollection && FileItemType(Type);
        IsFile = Type == typeof(UploadedFile) || IsFileList;
        if (IsFileList) _makeFileList = FileListMaker(Type, Name);
    }

    private readonly Func<List<UploadedFile>, object>? _makeFileList;

    /// <summary>An <see cref="UploadedFile"/> property, or a list or array of them: bound from multipart file parts only.</summary>
    public bool IsFile { get; }

    /// <summary>A list or array of <see cref="UploadedFile"/>.</summary>
    public bool IsFileList { get; }

    /// <summary>Where a file property's parts go (set at startup when the app takes uploads).</summary>
    public IUploadTarget? Upload { get; set; }

    /// <summary>The property's value for the files received: the list, or an array.</summary>
    public object FileListOf(List<UploadedFile> files) => _makeFileList!(files);

    private static bool FileItemType(Type type) =>
        type.IsArray ? type.GetElementType() == typeof(UploadedFile)
        : type.IsGenericType && type.GetGenericArguments() is [var item] && item == typeof(UploadedFile);

    private static Func<List<UploadedFile>, object> FileListMaker(Type type, string name)
    {
        if (type.IsArray) return files => files.ToArray();
        if (type.IsAssignableFrom(typeof(List<UploadedFile>))) return files => files;
        throw new InvalidOperationException($"{name}: a list of files is declared as List<UploadedFile>, IReadOnlyList<UploadedFile> or UploadedFile[], not {type.Name}.");
    }

    /// <summary>A collection whose items are declared non-nullable: a null item answers 400 instead of reaching the service.</summary>
    public bool ItemsNotNull { get; }

    /// <summary>The 400 field error for a null item at <paramref name="index"/> of a collection that may not hold one.</summary>
    public ResponseError NullItem(int index) => new("NotNull", Name,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{Name}[{index}]' must not be null."));

    /// <summary>The position of the first null item in <paramref name="value"/> when <see cref="ItemsNotNull"/>; else -1.</summary>
    public int FirstNullItem(object? value)
    {
        if (!ItemsNotNull || value is not System.Collections.IEnumerable items) return -1;
        var index = 0;
        foreach (var item in items)
        {
            if (item is null) return index;
            index++;
        }
        return -1;
    }

    /// <summary>The position in the DTO's property list (the index into the sent-fields array).</summary>
    public int Index { get; }

    /// <summary>The property's name as declared.</summary>
    public string Name { get; }

    /// <summary>The property's type.</summary>
    public Type Type { get; }

    /// <summary>Assigns a value (already of the property's type) to a DTO instance.</summary>
    public Action<object, object?> Set { get; }

    /// <summary>Reads the property's value from a DTO instance.</summary>
    public Func<object, object?> Get { get; }

    /// <summary>True when a DTO's value counts as given: not null, and not the default of a non-nullable value type.</summary>
    public bool HasValue(object dto)
    {
        var value = Get(dto);
        return value is not null && !(_isPlainValueType && value.Equals(_default));
    }

    /// <summary>Reads the property from route, query-string and form text.</summary>
    public ValueParser Parser { get; }

    /// <summary>Reads the property from a JSON body.</summary>
    public JsonTypeInfo Json { get; }

    /// <summary>A C# <c>required</c> property, or one with <c>[ApiMember(IsRequired = true)]</c>: a request must send it.</summary>
    public bool IsRequired { get; }

    /// <summary>
    /// The most items a list, array, set or dictionary may hold (<see cref="ValidateMaxItemsAttribute"/>, else
    /// <see cref="BaaSOptions.MaxCollectionItems"/>); null for other properties.
    /// </summary>
    public int? MaxItems { get; }

    /// <summary>The 400 field error for a collection over <see cref="MaxItems"/>.</summary>
    public ResponseError TooManyItems() => new("MaxItems", Name,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{Name}' must have {MaxItems:N0} items or fewer."));

    /// <summary>A non-nullable reference: an explicit JSON null leaves its default in place instead of storing null.</summary>
    public bool IgnoresNull { get; }
}
