using Lianjian.Web.Modules.Accounts;

namespace Lianjian.Web.Ui.Admin;

/// <summary>
/// Runs queries and use cases for interactive (circuit) pages, each in its own DI scope acting for the circuit's user.
/// </summary>
/// <remarks>
/// Blazor Server keeps one DI scope per browser tab, so a page that injected a query or use case directly would share
/// one DbContext for hours: two components loading at once fail with "a second operation was started", and tracked
/// entities go stale after set-based updates (moving a subtree rewrites descendants' paths with ExecuteUpdate).
/// A fresh scope per operation is the documented remedy; the new scope's <see cref="CurrentUser"/> gets the circuit's principal.
/// </remarks>
public sealed class PageServices(IServiceScopeFactory scopes, CurrentUser circuitUser)
{
    public PageServiceScope Open()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetPrincipal(circuitUser.Principal);
        return new PageServiceScope(scope);
    }

    /// <summary>One query or use case call in its own scope: <c>await Services.Run((OrganizationsQuery q) => q.DetailsAsync(id))</c>.</summary>
    public async Task<TResult> Run<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = Open();
        return await work(scope.Get<TService>());
    }
}

public sealed class PageServiceScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
