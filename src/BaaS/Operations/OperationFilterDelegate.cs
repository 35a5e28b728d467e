namespace BaaS;

/// <summary>The rest of the operation pipeline after a filter. It never throws: failures land on the context.</summary>
public delegate ValueTask OperationFilterDelegate(OperationContext context);
