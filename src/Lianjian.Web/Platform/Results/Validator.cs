namespace Lianjian.Web.Platform.Results;

/// <summary>
/// Collects field errors of a request and turns them into one Validation <see cref="Error"/>.
/// Use cases validate with it so that the API, the back office and the phone pages reject the same input
/// with the same Chinese messages.
/// </summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public Validator Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label}不能为空");
        return this;
    }

    public Validator MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) Add(field, $"{label}不能超过{max}个字符");
        return this;
    }

    public Validator Text(string field, string? value, int max, string label, bool required = false)
    {
        if (required) Required(field, value, label);
        return MaxLength(field, value, max, label);
    }

    public Validator Phone(string field, string? value, string label = "手机号")
    {
        if (!string.IsNullOrEmpty(value) && !PersonalData.IsPhone(value)) Add(field, $"{label}格式不正确（应为11位手机号或带区号的固定电话）");
        return this;
    }

    public Validator IdNumber(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !PersonalData.IsIdNumber(value)) Add(field, "身份证号格式不正确（应为18位，末位可为X）");
        return this;
    }

    public Validator Range(string field, int? value, int min, int max, string label)
    {
        if (value is { } v && (v < min || v > max)) Add(field, $"{label}应在{min}到{max}之间");
        return this;
    }

    public Validator Must(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool IsValid => _errors.Count == 0;

    public Error ToError() => Error.Validation(
        "validation",
        "提交的内容有误：" + string.Join("；", _errors.Values.SelectMany(v => v)),
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
