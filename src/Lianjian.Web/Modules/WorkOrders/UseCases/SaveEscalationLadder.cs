using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.UseCases;

/// <summary>One rung as typed: its name, whom it notifies and its timer in hours.</summary>
public sealed record EscalationLevelInput(string? Name, EscalationTarget? Target, int? TimerHours);

/// <summary>A ladder as typed: its name and its levels in order (level 1 first).</summary>
public sealed record EscalationLadderInput(string? Name, IReadOnlyList<EscalationLevelInput>? Levels)
{
    public Validator Validate()
    {
        var v = new Validator().Text(nameof(Name), Name, EscalationLadder.NameMax, "阶梯名称", required: true);
        var levels = Levels ?? [];
        if (levels.Count is < 1 or > EscalationLadder.MaxLevels)
        {
            v.Add(nameof(Levels), $"督办阶梯应有1到{EscalationLadder.MaxLevels}级");
            return v;
        }

        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var field = $"{nameof(Levels)}[{i}]";
            var label = $"第{i + 1}级";
            if (level is null)
            {
                v.Add(field, $"{label}不能为空");
                continue;
            }

            v.Text($"{field}.{nameof(level.Name)}", level.Name, EscalationLevel.NameMax, $"{label}名称", required: true);
            if (level.Target is not { } target || !Enum.IsDefined(target)) v.Add($"{field}.{nameof(level.Target)}", $"请选择{label}通知的对象");
            if (level.TimerHours is null) v.Add($"{field}.{nameof(level.TimerHours)}", $"请填写{label}的督办时长");
            else v.Range($"{field}.{nameof(level.TimerHours)}", level.TimerHours, 1, EscalationLevel.MaxTimerHours, $"{label}的督办时长（小时）");
        }

        return v;
    }
}

/// <summary>
/// 新建 / 修改督办阶梯 (逐级响应). Changing a ladder affects orders already climbing it from their next step on; the
/// level an order has reached stays as it was written in its log.
/// </summary>
public sealed class SaveEscalationLadder(AppDbContext db, ICurrentUser user)
{
    public Task<Result<Guid>> CreateAsync(EscalationLadderInput input, CancellationToken ct = default) => ExecuteAsync(null, input, ct);

    public Task<Result<Guid>> UpdateAsync(Guid id, EscalationLadderInput input, CancellationToken ct = default) => ExecuteAsync(id, input, ct);

    private async Task<Result<Guid>> ExecuteAsync(Guid? id, EscalationLadderInput input, CancellationToken ct)
    {
        if (!DictionaryAccess.MayEdit(user)) return DictionaryErrors.OnlyAdmins;
        EscalationLadder? ladder = null;
        if (id is { } existing)
        {
            ladder = await db.EscalationLadders.FirstOrDefaultAsync(l => l.Id == existing, ct);
            if (ladder is null) return DictionaryErrors.LadderNotFound;
        }

        var validation = input.Validate();
        if (!validation.IsValid) return validation.ToError();
        var name = input.Name!.Trim();
        if (await db.EscalationLadders.AnyAsync(l => l.Name == name && l.Id != id, ct)) return DictionaryErrors.DuplicateLadderName(name);

        if (ladder is null)
        {
            ladder = new EscalationLadder { Id = Guid.CreateVersion7() };
            db.EscalationLadders.Add(ladder);
        }

        ladder.Name = name;
        ladder.Levels.Clear();
        ladder.Levels.AddRange(input.Levels!.Select(l => new EscalationLevel { Name = l.Name!.Trim(), Target = l.Target!.Value, TimerHours = l.TimerHours!.Value }));
        await db.SaveChangesAsync(ct);
        return ladder.Id;
    }
}
