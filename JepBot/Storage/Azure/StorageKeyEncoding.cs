using System.Security.Cryptography;
using System.Text;

namespace JepBot.Storage.Azure;

/// <summary>
/// Turns any key (a state key, a Teams team id, a reference, an idempotency key) into a blob name or Table key that
/// Azure accepts and that no other key maps to.
/// </summary>
/// <remarks>
/// Blob names must not end in "." or "/" and treat "/" as a folder; Table keys forbid / \ # ? and control characters;
/// "%" and "'" are mangled by some tools and URL builders. So only [A-Za-z0-9-_:@] stays as it is (state keys and
/// Teams ids stay readable in Storage Explorer) and every other UTF-8 byte becomes "~XX" ("~" itself included),
/// which is reversible and so collision-free. Case is kept: Azure keys are case-sensitive, as Teams ids are.
/// A result longer than the service allows is cut and ends in "~~" plus the SHA-256 of the whole key; "~~" never
/// occurs in a plain encoding, so a hashed name cannot equal a plain one.
/// </remarks>
internal static class StorageKeyEncoding
{
    /// <summary>Blob names may have 1,024 characters.</summary>
    public const int MaxBlobName = 1024;

    /// <summary>PartitionKey and RowKey may have 1 KiB; with a short prefix ("r:") this stays well inside it.</summary>
    public const int MaxTableKey = 500;

    public static string Encode(string key, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            // Blob names must not be empty; "~" alone is no plain encoding of anything else.
            return "~";
        }

        var builder = new StringBuilder(key.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or ':' or '@')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var keep = maxLength - hash.Length - 2;

        // Never cut inside a "~XX" escape, so the kept part is still a clean prefix.
        while (keep > 0 && builder[keep - 1] == '~' || keep > 1 && builder[keep - 2] == '~')
        {
            keep--;
        }

        return builder.ToString(0, keep) + "~~" + hash;
    }
}
