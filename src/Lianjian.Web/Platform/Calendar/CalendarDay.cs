using Lianjian.Web.Platform.Auditing;

namespace Lianjian.Web.Platform.Calendar;

/// <summary>One date of a published schedule: a statutory holiday (休) or a make-up working day (调休上班).</summary>
public sealed class CalendarDay : IAudited
{
    public const int NameMax = 20;

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to, as people say it: 春节, 春节调休上班.</summary>
    public string Name { get; set; } = "";

    // The calendar is national: its changes belong to no organization, so only the system admin's log shows them.
    Guid? IAudited.AuditScopeOrganizationId => null;

    string IAudited.AuditLabel => $"{Date:yyyy-MM-dd} {Name}";
}

/// <summary>A year whose schedule has been entered, and the notice it was taken from. A year without a row is unscheduled.</summary>
public sealed class CalendarYear : IAudited
{
    public const int SourceMax = 200;
    public const int EnteredByMax = 256;

    public int Year { get; set; }

    /// <summary>The notice's title and date: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）.</summary>
    public string Source { get; set; } = "";

    public DateTime EnteredAt { get; set; }

    public string EnteredByName { get; set; } = "";

    Guid? IAudited.AuditScopeOrganizationId => null;

    string IAudited.AuditLabel => $"{Year}年节假日安排";
}
