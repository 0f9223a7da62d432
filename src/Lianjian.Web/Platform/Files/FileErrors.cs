using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Files;

public static class FileErrors
{
    public static Error Empty() => Error.Validation("file.empty", "请选择要上传的文件（文件不能为空）。");

    public static Error TooLarge(long maxBytes) => Error.Validation("file.too_large", $"文件不能超过{maxBytes / (1024 * 1024)}MB。");

    public static Error TypeNotAllowed(IEnumerable<FileType> allowed) => Error.Validation("file.type_not_allowed",
        $"文件的实际内容不是允许的格式（{string.Join("、", allowed.Select(t => t.Label()).Distinct())}）。只改文件扩展名是不行的，请上传原始文件。");

    public static Error NameTooLong(int max) => Error.Validation("file.name_too_long", $"文件名不能超过{max}个字符。");

    public static Error Missing() => Error.NotFound("file.not_found", "文件不存在或已被删除。");
}
