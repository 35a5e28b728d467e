namespace BaaS;

/// <summary>Only signed-in callers may call this operation: others get 401. Checked before the request is read.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ValidateIsAuthenticatedAttribute : Attribute;
