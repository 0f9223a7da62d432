namespace Lianjian.Web.Platform.Jobs;

/// <summary>
/// A background job: a thin class that calls one use case (DESIGN: Jobs). Each run gets its own DI scope.
/// Every job must be idempotent and safe when several app nodes run it at the same moment: the scheduler
/// only keeps one process from overlapping itself, never two nodes.
/// </summary>
public interface IJob
{
    /// <summary>A stable name for logs, e.g. <c>SendOutbox</c>.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken ct);
}
