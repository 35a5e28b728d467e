namespace BaaS;

/// <summary>A DTO property AutoQuery leaves alone: not a filter, not written (for a hand-written extension to read).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AutoIgnoreAttribute : Attribute;
