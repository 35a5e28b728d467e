using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// Runs one operation for a bound request DTO and answers its response (or null for none). Built once per
/// operation and verb at startup: a compiled call of a hand-written service method, or a generated implementation.
/// </summary>
public delegate ValueTask<object?> OperationInvoker(HttpContext context, object request);
