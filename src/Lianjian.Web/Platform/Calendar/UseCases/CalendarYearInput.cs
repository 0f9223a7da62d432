using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Calendar.UseCases;

/// <summary>One date of a year's schedule as an admin enters it.</summary>
public sealed record CalendarDayInput(DateOnly? Date, CalendarDayKind? Kind, string? Name);

/// <summary>
/// A year's whole schedule as the State Council published it: the notice (title and date) and every holiday and
/// make-up working day. Saving it replaces what was entered for that year.
/// </summary>
public sealed record CalendarYearInput(string? Source, IReadOnlyList<CalendarDayInput>? Days)
{
    /// <summary>A year has about 40 such dates; the cap only stops nonsense.</summary>
    public const int MaxDays = 120;

    public Validator Validate(int year)
    {
        var validator = new Validator()
            .Text(nameof(Source), Source, CalendarYear.SourceMax, "通知名称和日期", required: true)
            .Must(Days is { Count: > 0 }, nameof(Days), "请至少录入一天（放假日或调休上班日）")
            .Must((Days?.Count ?? 0) <= MaxDays, nameof(Days), $"一年最多录入{MaxDays}天");
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < (Days?.Count ?? 0); i++)
        {
            var day = Days![i];
            var field = $"{nameof(Days)}[{i}]";
            var row = $"第{i + 1}行";
            if (day is null)
            {
                validator.Add(field, $"{row}：内容为空");
                continue;
            }

            if (day.Date is not { } date)
            {
                validator.Add($"{field}.{nameof(CalendarDayInput.Date)}", $"{row}：请填写日期");
            }
            else
            {
                var dateField = $"{field}.{nameof(CalendarDayInput.Date)}";
                if (date.Year != year) validator.Add(dateField, $"{row}：{date:yyyy-MM-dd}不在{year}年内");
                if (!seen.Add(date)) validator.Add(dateField, $"{row}：{date:yyyy-MM-dd}重复录入");
                // 调休 moves a weekend into the working week; a holiday may fall on any day, weekends included.
                if (day.Kind == CalendarDayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    validator.Add($"{field}.{nameof(CalendarDayInput.Kind)}", $"{row}：{date:yyyy-MM-dd}是{Weekday(date)}，调休上班日只能是周六或周日");
                row = $"{row}（{date:yyyy-MM-dd}）";
            }

            validator.Must(day.Kind is not null, $"{field}.{nameof(CalendarDayInput.Kind)}", $"{row}：请选择放假或调休上班")
                .Must(!string.IsNullOrWhiteSpace(day.Name), $"{field}.{nameof(CalendarDayInput.Name)}", $"{row}：请填写节日名称（如 春节、春节调休上班）")
                .Must(day.Name is null || day.Name.Trim().Length <= CalendarDay.NameMax, $"{field}.{nameof(CalendarDayInput.Name)}", $"{row}：节日名称不能超过{CalendarDay.NameMax}个字符");
        }

        return validator;
    }

    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };
}
