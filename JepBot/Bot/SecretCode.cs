using System.Security.Cryptography;
using System.Text;

namespace JepBot.Bot;

/// <summary>Compares a typed or submitted code with the configured one in constant time, so timing says nothing about it.</summary>
public static class SecretCode
{
    public static bool Matches(string typed, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(typed), Encoding.UTF8.GetBytes(expected));
}
