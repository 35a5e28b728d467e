namespace BaaS;

/// <summary>
/// Marks a property whose value must never be recorded: request logs write <c>"***"</c> in its place when they keep
/// request bodies (passwords, tokens, secrets and key-like names are withheld without it). Put it on request DTO
/// properties and on the properties of the types they hold: <c>[Sensitive] public string CardNumber { get; set; }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveAttribute : Attribute;
