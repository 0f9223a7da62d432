using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>A note or a reason with an action (办理 notes, 办结 result, 退单/驳回/重办 reasons).</summary>
public sealed record NoteInput(string? Note = null)
{
    public Result<string?> Check(string label, bool required)
    {
        var v = new Validator().Text(nameof(Note), Note, WorkOrder.NoteMax, label, required);
        return v.IsValid ? TextInput.TrimOrNull(Note) : v.ToError();
    }

}

/// <summary>评单 or 回访: 1–5 stars (4 and 5 count as satisfied) and a comment.</summary>
public sealed record RatingInput(int? Rating, string? Comment = null)
{
    public Validator Validate() => new Validator()
        .Must(Rating is not null, nameof(Rating), "请选择评价星级（1到5星）")
        .Range(nameof(Rating), Rating, 1, 5, "评价星级")
        .Text(nameof(Comment), Comment, WorkOrder.NoteMax, "评价内容");
}
