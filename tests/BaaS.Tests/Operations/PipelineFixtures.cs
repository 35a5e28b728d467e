namespace BaaS.Tests.Operations;

/// <summary>A DTO that <see cref="ThrowingFilter"/> refuses after binding.</summary>
public class RefusedByFilter : IReturn<PipelineProbeResponse>, IPost
{
    public string? Value { get; set; }
}

/// <summary>A DTO that <see cref="ShortCircuitFilter"/> answers in the service's place.</summary>
public class AnsweredByFilter : IReturn<PipelineProbeResponse>, IPost
{
    public string? Value { get; set; }
}

/// <summary>A DTO whose service throws an unexpected exception.</summary>
public class ServiceThatThrows : IReturn<PipelineProbeResponse>, IPost
{
    public string? Value { get; set; }
}

public class PipelineProbeResponse
{
    public string Answer { get; set; } = "";
}

/// <summary>Counts how often its methods actually ran, so a test can tell a short circuit from a pass-through.</summary>
public sealed class ServiceCalls
{
    private int _count;
    public int Count => _count;
    public void Add() => Interlocked.Increment(ref _count);
}

public class PipelineProbeServices(ServiceCalls calls) : Service
{
    public PipelineProbeResponse Post(RefusedByFilter request)
    {
        calls.Add();
        return new() { Answer = "service" };
    }

    public PipelineProbeResponse Post(AnsweredByFilter request)
    {
        calls.Add();
        return new() { Answer = "service" };
    }

    public PipelineProbeResponse Post(ServiceThatThrows request)
    {
        calls.Add();
        throw new InvalidOperationException("the probe service failed on purpose");
    }
}

/// <summary>Throws for <see cref="RefusedByFilter"/> after binding, naming the value it saw.</summary>
public sealed class ThrowingFilter : IOperationFilter
{
    public bool AppliesTo(Operation operation) => operation.RequestType == typeof(RefusedByFilter);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        throw new HttpError(422, "Refused", $"The filter refused '{((RefusedByFilter)context.Request!).Value}'.");
}

/// <summary>Answers <see cref="AnsweredByFilter"/> itself: the rest of the pipeline and the service never run.</summary>
public sealed class ShortCircuitFilter : IOperationFilter
{
    public bool AppliesTo(Operation operation) => operation.RequestType == typeof(AnsweredByFilter);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        context.Response = new PipelineProbeResponse { Answer = "filter:" + ((AnsweredByFilter)context.Request!).Value };
        return ValueTask.CompletedTask;
    }
}
