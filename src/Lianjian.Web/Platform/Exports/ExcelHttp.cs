using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Exports;

/// <summary>The multipart body of an import, as the OpenAPI document describes it (the endpoint reads the form itself).</summary>
public sealed record ExcelUploadForm(IFormFile File);

/// <summary>The API side of imports and exports: uploaded files in, workbooks and row errors out.</summary>
public static class ExcelHttp
{
    /// <summary>The request limit of import endpoints: the file limit plus room for the multipart envelope.</summary>
    public const long MaxRequestBytes = ExcelErrors.MaxFileBytes + 1024 * 1024;

    public static IResult File(Stream workbook, string fileName) =>
        TypedResults.File(workbook, ExcelWriter.ContentType, fileName);

    /// <summary>
    /// Reads the multipart upload (field <c>file</c>, else the only file) and checks its size before anything parses it.
    /// The form is read here rather than bound by the framework, so that an oversize or broken upload gets the same
    /// Chinese errors as a bad workbook.
    /// </summary>
    public static async Task<Result<Stream>> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        // Other content types are answered 415 by routing (the endpoints accept multipart/form-data only).
        if (!request.HasFormContentType) return ExcelErrors.NoFile();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ExcelErrors.TooLarge();
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return ExcelErrors.BrokenUpload();
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null) return ExcelErrors.NoFile();
        if (file.Length > ExcelErrors.MaxFileBytes) return ExcelErrors.TooLarge();
        if (file.Length == 0) return ExcelErrors.EmptyFile();
        return file.OpenReadStream();
    }

    /// <summary>
    /// 200 with the counts when everything was imported; otherwise RFC 9457 ProblemDetails: a file that cannot be read
    /// (400, 413 when too large), or rows with errors (400 <c>import.invalid_rows</c> with every bad row under <c>rows</c>).
    /// </summary>
    public static IResult ToHttpResult(this Result<ImportOutcome> result)
    {
        if (!result.IsSuccess) return Problem(result.Error);
        var outcome = result.Value;
        if (outcome.Succeeded) return TypedResults.Ok(outcome);
        var error = Error.Validation("import.invalid_rows", outcome.Summary);
        var problem = error.ToProblemDetails();
        problem.Extensions["badRows"] = outcome.BadRows;
        problem.Extensions["errorsTruncated"] = outcome.ErrorsTruncated;
        problem.Extensions["rows"] = outcome.Errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// POST {group}/import for one kind of row: reads the upload, hands it to the module's import use case, answers its
    /// outcome. Every import endpoint shares this wiring (size limit, multipart only, no antiforgery for bearer clients).
    /// </summary>
    public static RouteHandlerBuilder MapExcelImport<TImport>(this IEndpointRouteBuilder group,
        Func<TImport, Stream, CancellationToken, Task<Result<ImportOutcome>>> import) where TImport : notnull =>
        group.MapPost("/import", async (HttpRequest request, CancellationToken ct) =>
            {
                var opened = await OpenAsync(request, ct);
                if (!opened.IsSuccess) return Problem(opened.Error);
                await using var stream = opened.Value;
                var useCase = request.HttpContext.RequestServices.GetRequiredService<TImport>();
                return (await import(useCase, stream, ct)).ToHttpResult();
            })
            .Accepts<ExcelUploadForm>("multipart/form-data")
            .Produces<ImportOutcome>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            // Bearer clients carry no antiforgery token; the sign-in cookie is SameSite=Lax, so a foreign site cannot post here with it.
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes));

    public static IResult Problem(Error error)
    {
        var problem = error.ToProblemDetails();
        if (error.Code == ExcelErrors.TooLarge().Code) problem.Status = StatusCodes.Status413PayloadTooLarge;
        return TypedResults.Problem(problem);
    }
}
