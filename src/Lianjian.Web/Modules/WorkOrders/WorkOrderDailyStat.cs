using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// 统计汇总: what the orders submitted on one China <see cref="Day"/> in one category add to the figures of docs/kpis.md,
/// for the subtree of one organization. There is a row set for the place of every order AND for each of its ancestors,
/// so the figures of any subtree and period are the rows of that one organization (a county-year is at most 366 × the
/// categories rows, whatever the number of orders). Kept exact by <see cref="WorkOrderCountsInterceptor"/> in the
/// transaction of every change of a <see cref="WorkOrder"/> (each order adds its <see cref="WorkOrderContribution"/>
/// as it stands now), shifted between ancestors when an organization moves, rebuilt by <c>rebuild-rollups</c>.
/// </summary>
public sealed class WorkOrderDailyStat
{
    public Guid OrganizationId { get; private set; }

    /// <summary>The China date of submission (点单).</summary>
    public DateOnly Day { get; private set; }

    public Guid CategoryId { get; private set; }

    public int Received { get; private set; }

    public int Rejected { get; private set; }

    public int Withdrawn { get; private set; }

    public int Responded { get; private set; }

    public int Resolved { get; private set; }

    public int ResolvedOnTime { get; private set; }

    public int Rated { get; private set; }

    public int Satisfied { get; private set; }

    /// <summary>Sum of first-response times of the responded valid orders (the average response time's numerator).</summary>
    public long ResponseSeconds { get; private set; }

    public WorkOrderContribution Figures => new(Received, Rejected, Withdrawn, Responded, Resolved, ResolvedOnTime, Rated, Satisfied, ResponseSeconds);

    /// <summary>The China date a submission time counts under.</summary>
    public static DateOnly DayOf(DateTime submittedAtUtc) => DateOnly.FromDateTime(ChinaClock.ToChina(submittedAtUtc));
}

internal sealed class WorkOrderDailyStatConfiguration : IEntityTypeConfiguration<WorkOrderDailyStat>
{
    public void Configure(EntityTypeBuilder<WorkOrderDailyStat> b)
    {
        b.ToTable("WorkOrderDailyStats");
        b.HasKey(s => new { s.OrganizationId, s.Day, s.CategoryId });
        b.Ignore(s => s.Figures);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the category: categories are never deleted (only deactivated), and its index would cost every write.
    }
}

/// <summary>
/// What one order adds to the summable figures of docs/kpis.md — the one place their formulas live: the roll-ups
/// (<see cref="WorkOrderDailyStat"/>), their maintenance and the recount all go through <see cref="Of(WorkOrder)"/>.
/// 超时在办 (open overdue) depends on the clock and is counted live instead.
/// </summary>
public readonly record struct WorkOrderContribution(
    int Received,
    int Rejected,
    int Withdrawn,
    int Responded,
    int Resolved,
    int ResolvedOnTime,
    int Rated,
    int Satisfied,
    long ResponseSeconds)
{
    public static WorkOrderContribution Zero => default;

    /// <summary>Valid (有效) = received − rejected − withdrawn.</summary>
    public int Valid => Received - Rejected - Withdrawn;

    public bool IsZero => this == default;

    public static WorkOrderContribution Of(WorkOrder o) =>
        Of(o.Status, o.RespondedAt, o.ResponseSeconds, o.ResolvedAt, o.ResolutionDeadline, o.Rating);

    public static WorkOrderContribution Of(
        WorkOrderStatus status, DateTime? respondedAt, int? responseSeconds, DateTime? resolvedAt, DateTime resolutionDeadline, int? rating)
    {
        var rejected = status == WorkOrderStatus.Rejected;
        var withdrawn = status == WorkOrderStatus.Withdrawn;
        if (rejected || withdrawn) return new(1, rejected ? 1 : 0, withdrawn ? 1 : 0, 0, 0, 0, 0, 0, 0);
        var responded = respondedAt is not null;
        // Resolved = now in 已办结, 已评价 or 已销号; a reopened order is not, until it is resolved again.
        var resolved = status is WorkOrderStatus.Resolved or WorkOrderStatus.Rated or WorkOrderStatus.Closed;
        var onTime = resolved && resolvedAt is { } at && at <= resolutionDeadline;
        return new(
            Received: 1,
            Rejected: 0,
            Withdrawn: 0,
            Responded: responded ? 1 : 0,
            Resolved: resolved ? 1 : 0,
            ResolvedOnTime: onTime ? 1 : 0,
            Rated: rating is not null ? 1 : 0,
            Satisfied: rating >= WorkOrderKpi.SatisfiedFrom ? 1 : 0,
            ResponseSeconds: responded ? responseSeconds ?? 0 : 0);
    }

    public static WorkOrderContribution operator +(WorkOrderContribution a, WorkOrderContribution b) => new(
        a.Received + b.Received, a.Rejected + b.Rejected, a.Withdrawn + b.Withdrawn, a.Responded + b.Responded, a.Resolved + b.Resolved,
        a.ResolvedOnTime + b.ResolvedOnTime, a.Rated + b.Rated, a.Satisfied + b.Satisfied, a.ResponseSeconds + b.ResponseSeconds);

    public static WorkOrderContribution operator -(WorkOrderContribution a) => new(
        -a.Received, -a.Rejected, -a.Withdrawn, -a.Responded, -a.Resolved, -a.ResolvedOnTime, -a.Rated, -a.Satisfied, -a.ResponseSeconds);

    public static WorkOrderContribution operator -(WorkOrderContribution a, WorkOrderContribution b) => a + -b;
}
