using System.Buffers.Binary;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// The size of a PNG from its IHDR chunk, read in C# so the icon sizes are checked by something other than the
/// Node tool that also checks them before zipping.
/// </summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        // Signature (8 bytes), then the first chunk must be IHDR: length (4), type (4), width (4), height (4), …
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("not a PNG with an IHDR chunk first");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
