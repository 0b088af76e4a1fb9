using System.IO.Compression;

namespace Deliberation.Data.Results;

/// <summary>Results and states are JSON that compresses about tenfold; stored gzip-compressed.</summary>
public static class ResultCompression
{
    public static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream(json.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 8);
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
