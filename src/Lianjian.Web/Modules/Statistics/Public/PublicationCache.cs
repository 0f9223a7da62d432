using Microsoft.Extensions.Caching.Memory;

namespace Lianjian.Web.Modules.Statistics.Public;

/// <summary>
/// Each public page's data, kept one minute (the pages say so). A cache of its own with a size limit, so that requests
/// for made-up ids, years or cursors cannot fill the app's memory; an unknown organization is remembered too.
/// </summary>
public sealed class PublicationCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    public const int MaxEntries = 5000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
    {
        if (_cache.TryGetValue(key, out var found)) return (T)found!;
        var value = await load();
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
