using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Services;

/// <summary>
/// Compiles a service method into an <see cref="OperationInvoker"/> once at startup: create the service through DI,
/// give it the request, call the method directly (no reflection per call) and normalise what it returns.
/// </summary>
/// <remarks>
/// For <c>Task&lt;Order&gt; Get(GetOrder r)</c> the compiled body is, in effect:
/// <c>(svc, req, ct) =&gt; AwaitTask&lt;Order&gt;(((OrderServices)svc).Get((GetOrder)req))</c>.
/// </remarks>
internal static class ServiceMethodCompiler
{
    private delegate ValueTask<object?> MethodCall(object service, object request, CancellationToken cancellationToken);

    public static OperationInvoker Compile(Type serviceType, MethodInfo method)
    {
        var call = CompileCall(serviceType, method);
        var factory = ActivatorUtilities.CreateFactory(serviceType, Type.EmptyTypes);
        // Registering for disposal costs an allocation per request: only services that hold something pay it.
        var disposes = NeedsDisposal(serviceType);
        return (context, request) =>
        {
            var service = factory(context.RequestServices, null);
            if (service is Service baseService) baseService.HttpContext = context;
            if (disposes)
            {
                // Disposed when the whole response has been written, so a streamed result may still use the service.
                if (service is IAsyncDisposable asyncDisposable) context.Response.RegisterForDisposeAsync(asyncDisposable);
                else if (service is IDisposable disposable) context.Response.RegisterForDispose(disposable);
            }
            return call(service, request, context.RequestAborted);
        };
    }

    private static bool NeedsDisposal(Type serviceType)
    {
        if (!typeof(Service).IsAssignableFrom(serviceType))
            return typeof(IAsyncDisposable).IsAssignableFrom(serviceType) || typeof(IDisposable).IsAssignableFrom(serviceType);
        var disposeAsync = serviceType.GetMethod(nameof(Service.DisposeAsync), Type.EmptyTypes)!;
        return disposeAsync.DeclaringType != typeof(Service) || typeof(IDisposable).IsAssignableFrom(serviceType);
    }

    /// <summary>The response type a method's return type stands for: <c>Task&lt;T&gt;</c> is T; void and Task are null.</summary>
    public static Type? ResponseTypeOf(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask)) return null;
        if (returnType.IsGenericType)
        {
            var def = returnType.GetGenericTypeDefinition();
            if (def == typeof(Task<>) || def == typeof(ValueTask<>)) return returnType.GetGenericArguments()[0];
        }
        return returnType;
    }

    private static MethodCall CompileCall(Type serviceType, MethodInfo method)
    {
        var service = Expression.Parameter(typeof(object), "service");
        var request = Expression.Parameter(typeof(object), "request");
        var token = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var parameters = method.GetParameters();
        var args = new List<Expression> { Expression.Convert(request, parameters[0].ParameterType) };
        if (parameters.Length == 2) args.Add(token);
        Expression invoke = Expression.Call(Expression.Convert(service, serviceType), method, args);

        var returnType = method.ReturnType;
        Expression body;
        if (returnType == typeof(void))
            body = Expression.Block(invoke, Expression.Default(typeof(ValueTask<object?>)));
        else if (returnType == typeof(Task))
            body = Expression.Call(typeof(ServiceMethodCompiler).GetMethod(nameof(AwaitTask), BindingFlags.NonPublic | BindingFlags.Static)!, invoke);
        else if (returnType == typeof(ValueTask))
            body = Expression.Call(typeof(ServiceMethodCompiler).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!, invoke);
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
            body = Expression.Call(typeof(ServiceMethodCompiler).GetMethod(nameof(AwaitTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()), invoke);
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            body = Expression.Call(typeof(ServiceMethodCompiler).GetMethod(nameof(AwaitValueTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()), invoke);
        else
            body = Expression.New(typeof(ValueTask<object?>).GetConstructor([typeof(object)])!, Expression.Convert(invoke, typeof(object)));

        return Expression.Lambda<MethodCall>(body, service, request, token).Compile();
    }

    private static async ValueTask<object?> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static ValueTask<object?> AwaitTaskOf<T>(Task<T> task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>(task.Result);
        return Awaited(task);

        static async ValueTask<object?> Awaited(Task<T> task) => await task.ConfigureAwait(false);
    }

    private static ValueTask<object?> AwaitValueTaskOf<T>(ValueTask<T> task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>(task.Result);
        return Awaited(task);

        static async ValueTask<object?> Awaited(ValueTask<T> task) => await task.ConfigureAwait(false);
    }
}
