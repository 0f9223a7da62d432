using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>A stationed cadre's period in a village: on site (驻村) or liaison (联络).</summary>
public sealed record StationedPeriodInput(Guid? VillageId, StationingKind? Kind, DateOnly? StartsOn, DateOnly? EndsOn = null, string? Remark = null)
{
    public const int RemarkMax = 500;

    public Validator Validate()
    {
        var v = new Validator()
            .Must(VillageId is not null, nameof(VillageId), "请选择驻村地点")
            .Must(StartsOn is not null, nameof(StartsOn), "请填写开始日期")
            .Must(StartsOn is not { } start || ChinaClock.IsPlausible(start), nameof(StartsOn), "开始日期不正确")
            .Must(EndsOn is not { } end || ChinaClock.IsPlausible(end), nameof(EndsOn), "结束日期不正确")
            .Text(nameof(Remark), Remark, RemarkMax, "备注");
        if (StartsOn is { } s && EndsOn is { } e) v.Must(e >= s, nameof(EndsOn), "结束日期不能早于开始日期");
        if (Kind is not { } kind) v.Add(nameof(Kind), "请选择驻村方式（驻村或联络）");
        else v.Must(Enum.IsDefined(kind), nameof(Kind), "驻村方式不正确");
        return v;
    }
}
