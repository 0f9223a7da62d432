using System.Diagnostics;
using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Organizations.UseCases;

/// <summary>
/// Imports organizations from the 组织 sheet: every row is checked first with the same rules as
/// <see cref="CreateOrganization"/> (<see cref="OrganizationInput.Validate"/>, <see cref="Organization.Create"/>), every bad
/// row is reported, and only a file without errors is written, in one transaction (docs/decisions/0004-import-policy.md).
/// A row may hang under an organization created by an earlier row of the same file.
/// </summary>
public sealed class ImportOrganizations(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public const int MaxRows = 50_000;

    public async Task<Result<ImportOutcome>> ExecuteAsync(Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var read = await ExcelReader.ReadAsync(file, OrganizationSheet.Layout, MaxRows, progress, ct);
        if (!read.IsSuccess) return read.Error;
        var rows = read.Value;

        var scope = await user.GetScopeAsync(ct);
        var lookup = await OrganizationLookup.LoadAsync(db, scope, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var firstRowOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Text(OrganizationSheet.Name) is { } name) firstRowOfName.TryAdd(name, row.Number);
        }

        var created = new List<Organization>();
        var errors = new List<ImportRowError>();
        var badRowOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (OrganizationSheet.IsExample(row))
            {
                skipped++;
                continue;
            }

            var rowErrors = new RowErrors(row.Number);
            var organization = Check(row, rowErrors, scope, lookup, firstRowOfName, badRowOfName, now);
            if (organization is not null)
            {
                lookup.AddFromFile(organization, row.Number);
                created.Add(organization);
            }
            else
            {
                errors.AddRange(rowErrors.Items);
                if (row.Text(OrganizationSheet.Name) is { } name) badRowOfName.TryAdd(name, row.Number);
            }

            if ((i + 1) % 500 == 0) progress?.Report(new ImportProgress(ImportPhase.Validating, i + 1, rows.Count));
        }

        progress?.Report(new ImportProgress(ImportPhase.Validating, rows.Count, rows.Count));
        if (errors.Count > 0) return ImportOutcome.Rejected(rows.Count, skipped, errors, watch.Elapsed);
        if (created.Count == 0) return ExcelErrors.NoDataRows(skipped);

        var audit = new ImportAudit(nameof(Organization), $"Excel 导入 {created.Count} 个组织", ImportWriter.CommonAncestor(created.Select(o => o.Path)));
        var saved = await ImportWriter.SaveAllAsync(db, user, created, audit, now, progress, ct);
        if (!saved.IsSuccess) return saved.Error;
        progress?.Report(new ImportProgress(ImportPhase.Completed, created.Count, created.Count));
        return ImportOutcome.Done(rows.Count, created.Count, skipped, watch.Elapsed);
    }

    /// <summary>The organization row <paramref name="row"/> creates, or null with the reasons in <paramref name="errors"/>.</summary>
    private static Organization? Check(
        ExcelRow row, RowErrors errors, DataScope scope, OrganizationLookup lookup,
        Dictionary<string, int> firstRowOfName, Dictionary<string, int> badRowOfName, DateTime now)
    {
        var name = row.Text(OrganizationSheet.Name);
        var kindText = row.Text(OrganizationSheet.Kind);
        var kind = OrganizationKinds.Parse(kindText);
        if (kindText is not null && kind is null)
        {
            errors.Add(OrganizationSheet.Kind, $"组织类型“{kindText}”无法识别，可填：{string.Join("、", Enum.GetValues<OrganizationKind>().Select(k => k.Label()))}");
        }

        if (!ExcelCells.TryInt(row[OrganizationSheet.SortOrder], out var sortOrder)) errors.Add(OrganizationSheet.SortOrder, "排序号须为整数");

        var parent = FindParent(row, errors, scope, lookup, firstRowOfName, badRowOfName);
        var input = new OrganizationInput(name, kind, parent?.Id, row.Text(OrganizationSheet.Code), row.Text(OrganizationSheet.Address),
            row.Text(OrganizationSheet.ContactName), row.Text(OrganizationSheet.ContactPhone), null, sortOrder ?? 0);
        var validation = input.Validate();
        if (!validation.IsValid) errors.AddValidation(validation.ToError(), OrganizationSheet.ColumnOfField, OrganizationSheet.Name);
        if (errors.Any) return null;

        // Importing the same file twice is the usual accident; the second time every row already exists.
        if (lookup.HasActiveChild(parent?.Id, name!.Trim()))
        {
            errors.Add(OrganizationSheet.Name, parent is null ? $"已有名为“{name}”的顶级组织" : $"上级组织“{parent.Name}”下已有名为“{name}”的组织（可能已导入过）");
            return null;
        }

        var created = Organization.Create(Guid.CreateVersion7(), input.Name!, input.Kind!.Value, parent, now);
        if (!created.IsSuccess)
        {
            errors.Add(created.Error.Code == OrganizationErrors.GridTooDeep().Code ? OrganizationSheet.Kind : OrganizationSheet.Parent, created.Error.Message);
            return null;
        }

        created.Value.Describe(input.Name!, input.Code, input.Address, input.ContactName, input.ContactPhone, input.Description, input.SortOrder);
        return created.Value;
    }

    private static Organization? FindParent(
        ExcelRow row, RowErrors errors, DataScope scope, OrganizationLookup lookup,
        Dictionary<string, int> firstRowOfName, Dictionary<string, int> badRowOfName)
    {
        var text = row.Text(OrganizationSheet.Parent);
        if (text is null)
        {
            // Same rule as CreateOrganization: only an unrestricted user may create a root.
            if (!scope.IsUnrestricted) errors.Add(OrganizationSheet.Parent, "请填写上级组织（" + OrganizationErrors.RootRequiresUnrestrictedScope().Message + "）");
            return null;
        }

        var match = lookup.Find(text);
        if (match.Organization is { } parent) return parent;
        if (match.Count > 1)
        {
            errors.Add(OrganizationSheet.Parent, $"上级组织“{text}”在您的管辖范围内有 {match.Count} 个同名组织，请写成“上级/名称”（如 长白乡/长白岛三龙村）或填写组织代码");
        }
        else if (badRowOfName.TryGetValue(OrganizationLookup.Clean(text), out var badRow))
        {
            errors.Add(OrganizationSheet.Parent, $"上级组织“{text}”所在的第 {badRow} 行有错误");
        }
        else if (firstRowOfName.TryGetValue(OrganizationLookup.Clean(text), out var laterRow) && laterRow > row.Number)
        {
            errors.Add(OrganizationSheet.Parent, $"上级组织“{text}”在本文件第 {laterRow} 行，上级须写在下级之前");
        }
        else
        {
            errors.Add(OrganizationSheet.Parent, $"上级组织“{text}”不存在，或不在您的管辖范围内");
        }

        return null;
    }
}
