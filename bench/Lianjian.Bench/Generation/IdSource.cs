namespace Lianjian.Bench.Generation;

/// <summary>
/// Deterministic version-7-shaped ids (a synthetic millisecond clock and seeded random bits): the same seed gives the
/// same database, and ids still grow in insertion order like the app's <see cref="Guid.CreateVersion7()"/>.
/// </summary>
public sealed class IdSource(Random rng, DateTime start)
{
    private long _ms = new DateTimeOffset(start).ToUnixTimeMilliseconds();

    public Guid Next()
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        var ms = _ms++;
        for (var i = 5; i >= 0; i--)
        {
            b[i] = (byte)ms;
            ms >>= 8;
        }

        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}
