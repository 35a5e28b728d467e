namespace BaaS;

/// <summary>Only callers with the <c>Admin</c> role may call this operation: others get 401 or 403.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ValidateIsAdminAttribute : Attribute;
