using System.Diagnostics;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.People.Exports;
using Lianjian.Web.Platform.Exports;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>
/// Imports people from the 人员 sheet with the rules of <see cref="SavePerson"/> (<see cref="PersonInput.Validate"/>,
/// <see cref="SavePerson.CheckHome"/>, unique ID numbers). The organizations of the user's scope are loaded once, every
/// row is checked in memory, every bad row is reported, and only a file without errors is written, in one transaction
/// (docs/decisions/0004-import-policy.md).
/// </summary>
public sealed class ImportPeople(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public const int MaxRows = 50_000;

    // Ask the database about this many ID numbers per query (well under SQLite's and PostgreSQL's parameter limits).
    private const int IdNumbersPerQuery = 1000;

    public async Task<Result<ImportOutcome>> ExecuteAsync(Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var read = await ExcelReader.ReadAsync(file, PersonSheet.Layout, MaxRows, progress, ct);
        if (!read.IsSuccess) return read.Error;
        var rows = read.Value;

        var scope = await user.GetScopeAsync(ct);
        var lookup = await OrganizationLookup.LoadAsync(db, scope, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var people = new List<Person>();
        var paths = new List<string>();
        var errors = new List<ImportRowError>();
        var firstRowOfIdNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (PersonSheet.IsExample(row))
            {
                skipped++;
                continue;
            }

            var rowErrors = new RowErrors(row.Number);
            var checkedRow = Check(row, rowErrors, lookup);
            if (row.Text(PersonSheet.IdNumber)?.ToUpperInvariant() is { } idNumber && PersonalData.IsIdNumber(idNumber)
                && !firstRowOfIdNumber.TryAdd(idNumber, row.Number))
            {
                rowErrors.Add(PersonSheet.IdNumber, $"身份证号与第 {firstRowOfIdNumber[idNumber]} 行重复");
            }

            if (rowErrors.Any)
            {
                errors.AddRange(rowErrors.Items);
            }
            else
            {
                var (input, organization, id) = checkedRow!.Value;
                var person = new Person { Id = Guid.CreateVersion7(), CreatedAt = now };
                SavePerson.Apply(person, input, organization.Id, id);
                people.Add(person);
                paths.Add(organization.Path);
            }

            if ((i + 1) % 1000 == 0) progress?.Report(new ImportProgress(ImportPhase.Validating, i + 1, rows.Count));
        }

        // ID numbers are unique across the whole database (not only the user's scope): one query per thousand numbers.
        var idNumbers = firstRowOfIdNumber.Keys.ToList();
        for (var start = 0; start < idNumbers.Count; start += IdNumbersPerQuery)
        {
            var chunk = idNumbers.Skip(start).Take(IdNumbersPerQuery).ToList();
            var taken = await db.People.AsNoTracking().Where(p => p.IdNumber != null && chunk.Contains(p.IdNumber)).Select(p => p.IdNumber!).ToListAsync(ct);
            foreach (var idNumber in taken)
            {
                errors.Add(new ImportRowError(firstRowOfIdNumber[idNumber], PersonSheet.IdNumber.Header, PeopleErrors.DuplicateIdNumber().Message));
            }
        }

        progress?.Report(new ImportProgress(ImportPhase.Validating, rows.Count, rows.Count));
        if (errors.Count > 0) return ImportOutcome.Rejected(rows.Count, skipped, errors, watch.Elapsed);
        if (people.Count == 0) return ExcelErrors.NoDataRows(skipped);

        var audit = new ImportAudit(nameof(Person), $"Excel 导入 {people.Count} 名人员", ImportWriter.CommonAncestor(paths));
        var saved = await ImportWriter.SaveAllAsync(db, user, people, audit, now, progress, ct);
        if (!saved.IsSuccess) return saved.Error;
        progress?.Report(new ImportProgress(ImportPhase.Completed, people.Count, people.Count));
        return ImportOutcome.Done(rows.Count, people.Count, skipped, watch.Elapsed);
    }

    /// <summary>The checked input of a row, its home organization and normalized ID number; or null with the reasons in <paramref name="errors"/>.</summary>
    internal static (PersonInput Input, Organization Organization, string? IdNumber)? Check(ExcelRow row, RowErrors errors, OrganizationLookup lookup)
    {
        var kindText = row.Text(PersonSheet.Kind);
        var kind = PersonLabels.ParseKind(kindText);
        if (kindText is not null && kind is null)
            errors.Add(PersonSheet.Kind, $"人员类别“{kindText}”无法识别，可填：{string.Join("、", Enum.GetValues<PersonKind>().Select(k => k.Label()))}");

        var organization = FindHome(row, errors, lookup);
        var phone = Number(row, PersonSheet.Phone, errors);
        var idNumber = Number(row, PersonSheet.IdNumber, errors);

        var genderText = row.Text(PersonSheet.Gender);
        var gender = PersonLabels.ParseGender(genderText);
        if (genderText is not null && gender is null) errors.Add(PersonSheet.Gender, $"性别“{genderText}”无法识别，请填“男”或“女”");

        var statusText = row.Text(PersonSheet.MemberStatus);
        var status = PersonLabels.ParseMemberStatus(statusText);
        if (statusText is not null && status is null)
            errors.Add(PersonSheet.MemberStatus, $"党员类别“{statusText}”无法识别，可填：{string.Join("、", Enum.GetValues<MemberStatus>().Select(s => s.Label()))}");

        if (!ExcelCells.TryDate(row[PersonSheet.BirthDate], out var birthDate)) errors.Add(PersonSheet.BirthDate, $"出生日期“{row.Text(PersonSheet.BirthDate)}”不是有效日期（如 1980-05-01）");
        if (!ExcelCells.TryDate(row[PersonSheet.JoinedPartyOn], out var joined)) errors.Add(PersonSheet.JoinedPartyOn, $"入党日期“{row.Text(PersonSheet.JoinedPartyOn)}”不是有效日期（如 2005-07-01）");
        if (!ExcelCells.TryYesNo(row[PersonSheet.IsInService], out var inService)) errors.Add(PersonSheet.IsInService, $"在职党员“{row.Text(PersonSheet.IsInService)}”无法识别，请填“是”或“否”");

        var input = new PersonInput(row.Text(PersonSheet.Name), kind, organization?.Id, phone, idNumber, gender, birthDate, status, joined,
            inService ?? false, row.Text(PersonSheet.Title), ExcelCells.List(row[PersonSheet.Skills]), ExcelCells.List(row[PersonSheet.Tags]), row.Text(PersonSheet.Remark));
        var validation = input.Validate();
        if (!validation.IsValid) errors.AddValidation(validation.ToError(), PersonSheet.ColumnOfField, PersonSheet.Name);
        if (organization is not null && !errors.Has(PersonSheet.Kind))
        {
            var home = SavePerson.CheckHome(input, organization);
            if (!home.IsSuccess) errors.Add(PersonSheet.Organization, home.Error.Message);
        }

        if (errors.Any) return null;
        return (input, organization!, string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant());
    }

    private static Organization? FindHome(ExcelRow row, RowErrors errors, OrganizationLookup lookup)
    {
        var text = row.Text(PersonSheet.Organization);
        if (text is null) return null; // PersonInput.Validate reports the missing organization.
        var match = lookup.Find(text);
        if (match.Organization is { } found) return found;
        errors.Add(PersonSheet.Organization, match.Count > 1
            ? $"所属组织“{text}”在您的管辖范围内有 {match.Count} 个同名组织，请写成“上级/名称”（如 长白乡/长白岛三龙村）或填写组织代码"
            : $"所属组织“{text}”不存在，或不在您的管辖范围内");
        return null;
    }

    /// <summary>A phone or ID number cell, refusing what cannot be the real number: digits Excel has rounded, or a masked export.</summary>
    private static string? Number(ExcelRow row, ExcelColumn column, RowErrors errors)
    {
        var value = row[column];
        if (ExcelCells.LostDigits(value))
        {
            errors.Add(column, $"{column.Header}被 Excel 存成了数字，后几位已经丢失；请把该列设为“文本”格式后重新填写");
            return null;
        }

        var text = ExcelCells.Text(value);
        if (text?.Contains('*') == true)
        {
            errors.Add(column, $"{column.Header}“{text}”是脱敏后的号码，请填写完整号码（或留空）");
            return null;
        }

        return text;
    }
}
