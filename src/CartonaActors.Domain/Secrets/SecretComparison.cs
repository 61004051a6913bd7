using System.Security.Cryptography;
using System.Text;

namespace CartonaActors.Domain.Secrets;

/// <summary>The one way a presented secret is checked against the configured one.</summary>
public static class SecretComparison
{
    /// <summary>Compares SHA-256 digests of the UTF-8 bytes in constant time, so neither the content nor the
    /// length of the expected secret leaks through how long a refusal takes.</summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
