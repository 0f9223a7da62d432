using System.IO.Compression;
using ZXing;
using ZXing.Common;

namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>Reads a QR code back from a PNG: a small PNG decoder (greyscale, palette, RGB, RGBA; no interlace) and ZXing.</summary>
public static class QrReader
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Decode(byte[] png)
    {
        var (width, height, grey) = Greyscale(png);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }

    public static (int Width, int Height, byte[] Grey) Greyscale(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                    height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                    bitDepth = data[8];
                    colorType = data[9];
                    Assert.Equal(0, data[12]); // no interlace
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        var bitsPerPixel = channels * bitDepth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(idat.ToArray()), CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }

            rows[y] = previous = row;
        }

        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                int Sample(int index)
                {
                    if (bitDepth == 8) return rows[y][index];
                    var bitOffset = index * bitDepth;
                    var value = (rows[y][bitOffset / 8] >> (8 - bitDepth - bitOffset % 8)) & ((1 << bitDepth) - 1);
                    return colorType == 3 ? value : value * 255 / ((1 << bitDepth) - 1);
                }

                grey[y * width + x] = colorType switch
                {
                    0 or 4 => (byte)Sample(x * channels),
                    3 => palette[Sample(x) * 3 + 1],
                    _ => (byte)((Sample(x * channels) + Sample(x * channels + 1) + Sample(x * channels + 2)) / 3),
                };
            }
        }

        return (width, height, grey);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
