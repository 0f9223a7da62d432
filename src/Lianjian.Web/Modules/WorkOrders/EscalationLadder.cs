using Lianjian.Web.Platform.Auditing;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>Whom a level of the ladder notifies, relative to the organization handling (or, before dispatch, holding) the order.</summary>
public enum EscalationTarget
{
    /// <summary>承办组织: its admins and the handler (同事互帮).</summary>
    HandlingOrganization,

    /// <summary>上级组织 (分工会协调).</summary>
    ParentOrganization,

    /// <summary>上两级组织 (片区互助组联动).</summary>
    GrandparentOrganization,

    /// <summary>工委: the committee admins over the order's place (局工会兜底).</summary>
    Committee,
}

/// <summary>
/// 逐级响应: an escalation ladder (the seeds' default: 同事互帮 → 分工会协调 → 片区互助组联动 → 局工会兜底). An overdue order enters
/// level 1 when its deadline passes; while it stays overdue it climbs one level each time the current level's timer runs out.
/// </summary>
public sealed class EscalationLadder : IAudited
{
    public const int NameMax = 50;
    public const int MaxLevels = 8;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public List<EscalationLevel> Levels { get; set; } = [];

    Guid? IAudited.AuditScopeOrganizationId => null;

    string IAudited.AuditLabel => Name;

    /// <summary>The level (1-based) at <paramref name="number"/>, or null beyond the top.</summary>
    public EscalationLevel? Level(int number) => number >= 1 && number <= Levels.Count ? Levels[number - 1] : null;

    /// <summary>
    /// The level an open order should be at, <paramref name="now"/>: 0 before its deadline; 1 from the deadline; then one more
    /// each time the current level's timer has run since the order entered it, never past the top. At most one step per call,
    /// so each level is entered (and notified) in turn.
    /// </summary>
    public int NextLevel(int currentLevel, DateTime? escalatedAt, DateTime deadline, DateTime now)
    {
        if (now < deadline || Levels.Count == 0) return currentLevel;
        if (currentLevel <= 0) return 1;
        if (currentLevel >= Levels.Count || escalatedAt is null) return currentLevel;
        var timer = Levels[currentLevel - 1].TimerHours;
        return now >= escalatedAt.Value.AddHours(timer) ? currentLevel + 1 : currentLevel;
    }
}

/// <summary>One rung: its name, whom it notifies, and how long the order may stay on it before it climbs on.</summary>
public sealed class EscalationLevel
{
    public const int NameMax = 30;
    public const int MaxTimerHours = 24 * 30;

    public string Name { get; set; } = "";

    public EscalationTarget Target { get; set; }

    public int TimerHours { get; set; }
}

public static class EscalationTargetLabels
{
    public static string Label(this EscalationTarget target) => target switch
    {
        EscalationTarget.HandlingOrganization => "承办组织及承办人",
        EscalationTarget.ParentOrganization => "上级组织管理员",
        EscalationTarget.GrandparentOrganization => "上两级组织管理员",
        EscalationTarget.Committee => "工委管理员",
        _ => target.ToString(),
    };
}
