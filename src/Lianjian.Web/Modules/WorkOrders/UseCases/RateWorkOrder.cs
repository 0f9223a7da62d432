using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>评单: the requester rates the result, through the tracking link or signed in as the account that placed it.</summary>
public sealed class RateWorkOrder(WorkOrderMoves moves)
{
    public Task<Result<WorkOrderStep>> ExecuteAsync(long id, RatingInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByStaffAsync(id, WorkOrderAction.Rate, move, null, ct));

    public Task<Result<WorkOrderStep>> ByTokenAsync(string token, RatingInput input, CancellationToken ct = default) =>
        Run(input, move => moves.ByTokenAsync(token, WorkOrderAction.Rate, move, ct));

    private static async Task<Result<WorkOrderStep>> Run(RatingInput input, Func<WorkOrderMove, Task<Result<WorkOrderStep>>> run)
    {
        var v = input.Validate();
        if (!v.IsValid) return v.ToError();
        var comment = TextInput.TrimOrNull(input.Comment);
        return await run((order, actor, who, now) => Task.FromResult(order.Rate(WorkOrderAction.Rate, actor, who, input.Rating!.Value, comment, now)));
    }
}

/// <summary>回访: staff call the requester and record their rating and words.</summary>
public sealed class FollowUpWorkOrder(WorkOrderMoves moves)
{
    public async Task<Result<WorkOrderStep>> ExecuteAsync(long id, RatingInput input, CancellationToken ct = default)
    {
        var v = input.Validate();
        if (!v.IsValid) return v.ToError();
        var comment = TextInput.TrimOrNull(input.Comment);
        return await moves.ByStaffAsync(id, WorkOrderAction.FollowUp,
            (order, actor, who, now) => Task.FromResult(order.Rate(WorkOrderAction.FollowUp, actor, who, input.Rating!.Value, comment, now)), null, ct);
    }
}
