namespace Lianjian.Web.Platform.Results;

public static class TextInput
{
    /// <summary>What people typed, trimmed; blank (empty or only spaces) is "not given".</summary>
    public static string? TrimOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
