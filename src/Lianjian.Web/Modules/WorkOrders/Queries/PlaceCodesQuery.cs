using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

/// <summary>One printed card: the place, and the short link its QR code holds.</summary>
public sealed record PlaceCodeRow(Guid Id, string Name, OrganizationKind Kind, string KindLabel, string Url);

/// <summary>
/// 码上办: a QR code per village, community or grid that opens the phone submission page with the place filled in
/// (<c>{PublicBaseUrl}/m/submit?place={id}</c>). Codes are made for organizations in the user's scope only.
/// </summary>
public sealed class PlaceCodesQuery(AppDbContext db, ICurrentUser user, IOptions<LianjianOptions> options)
{
    /// <summary>More cards than anyone prints at once; a county's villages and grids fit.</summary>
    public const int MaxCards = 500;

    public const string CardSlogan = "扫码点单 码上办";

    public static readonly OrganizationKind[] PlaceKinds = [OrganizationKind.Village, OrganizationKind.Community, OrganizationKind.Grid];

    /// <summary>The base every code points at: the configured public address, else the caller's own (scheme + host).</summary>
    public string BaseUrl(string requestBaseUrl) =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl.Trim()).TrimEnd('/');

    public static string SubmitUrl(string baseUrl, Guid organizationId) => $"{baseUrl.TrimEnd('/')}/m/submit?place={organizationId}";

    /// <summary>
    /// The organization's card, then (when <paramref name="includeSubOrganizations"/>) one for each active village,
    /// community and grid below it, in tree order.
    /// </summary>
    public async Task<Result<IReadOnlyList<PlaceCodeRow>>> CardsAsync(Guid organizationId, bool includeSubOrganizations, string requestBaseUrl, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var root = await db.Organizations.AsNoTracking().InScope(scope).Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path }).FirstOrDefaultAsync(ct);
        if (root is null) return OrganizationErrors.NotFound();
        var baseUrl = BaseUrl(requestBaseUrl);
        var cards = new List<PlaceCodeRow> { new(root.Id, root.Name, root.Kind, root.Kind.Label(), SubmitUrl(baseUrl, root.Id)) };
        if (!includeSubOrganizations) return cards;

        var below = await db.Organizations.AsNoTracking().Under(root.Path)
            .Where(o => o.Id != root.Id && o.IsActive && PlaceKinds.Contains(o.Kind))
            .OrderBy(o => o.Path).Take(MaxCards)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path, o.SortOrder, o.Depth }).ToListAsync(ct);
        cards.AddRange(below.Select(o => new PlaceCodeRow(o.Id, o.Name, o.Kind, o.Kind.Label(), SubmitUrl(baseUrl, o.Id))));
        return cards;
    }

    /// <summary>The QR code of one organization in scope as a PNG; 404 for anything else.</summary>
    public async Task<Result<byte[]>> PngAsync(Guid organizationId, string requestBaseUrl, int pixelsPerModule = 10, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var exists = await db.Organizations.AsNoTracking().InScope(scope).AnyAsync(o => o.Id == organizationId, ct);
        if (!exists) return OrganizationErrors.NotFound();
        return Png(SubmitUrl(BaseUrl(requestBaseUrl), organizationId), pixelsPerModule);
    }

    // Level M (15% recovery): a printed card survives a smudge or a crease; the URL stays short enough for a coarse code.
    public static byte[] Png(string text, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(Math.Clamp(pixelsPerModule, 1, 40));
    }

    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
