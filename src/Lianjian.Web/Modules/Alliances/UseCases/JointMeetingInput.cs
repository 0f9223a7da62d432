using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Alliances.UseCases;

/// <summary>
/// A joint meeting (联席会议): when, where, what about, who came, minutes and decisions (lengths as in
/// JointMeetingConfiguration; the lists are bounded here). A time without an offset is China time.
/// </summary>
public sealed record JointMeetingInput(
    DateTime? HeldAt,
    string? Place,
    string? Topic,
    IReadOnlyList<string>? Attendees = null,
    string? Minutes = null,
    IReadOnlyList<string>? Decisions = null)
{
    public const int PlaceMax = 200;
    public const int TopicMax = 200;
    public const int MinutesMax = 20000;
    public const int MaxAttendees = 200;
    public const int AttendeeMax = 100;
    public const int MaxDecisions = 100;
    public const int DecisionMax = 1000;

    public Validator Validate() => new Validator()
        .Must(HeldAt is not null, nameof(HeldAt), "请填写会议时间")
        .Must(HeldAt is not { } at || ChinaClock.IsPlausible(DateOnly.FromDateTime(at)), nameof(HeldAt), "会议时间不正确")
        .Text(nameof(Place), Place, PlaceMax, "会议地点", required: true)
        .Text(nameof(Topic), Topic, TopicMax, "会议主题", required: true)
        .Text(nameof(Minutes), Minutes, MinutesMax, "会议纪要")
        .Must((Attendees?.Count ?? 0) <= MaxAttendees, nameof(Attendees), $"参会人员最多{MaxAttendees}项")
        .Must((Attendees ?? []).All(a => a is null || a.Trim().Length <= AttendeeMax), nameof(Attendees), $"每位参会人员（或单位）不能超过{AttendeeMax}个字符")
        .Must((Decisions?.Count ?? 0) <= MaxDecisions, nameof(Decisions), $"会议决定最多{MaxDecisions}项")
        .Must((Decisions ?? []).All(d => d is null || d.Trim().Length <= DecisionMax), nameof(Decisions), $"每项会议决定不能超过{DecisionMax}个字符");

    internal void ApplyTo(JointMeeting meeting)
    {
        meeting.HeldAt = ChinaClock.ToUtc(HeldAt!.Value);
        meeting.Place = Place!.Trim();
        meeting.Topic = Topic!.Trim();
        meeting.Attendees = Clean(Attendees);
        meeting.Minutes = TextInput.TrimOrNull(Minutes);
        meeting.Decisions = Clean(Decisions);
    }

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
}
