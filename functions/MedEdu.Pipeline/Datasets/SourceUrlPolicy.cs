using System.Net;

namespace MedEdu.Pipeline.Datasets;

/// <summary>
/// Decides which dataset URLs the pipeline may fetch: https only, no private, link-local or
/// loopback addresses (the host would be an SSRF proxy otherwise). Tests may allow loopback http
/// explicitly, since their dataset servers run on 127.0.0.1.
/// </summary>
/// <param name="AllowLoopback">Test-only: accept http and https URLs whose host is a loopback address.</param>
/// <param name="AllowedHosts">Host names accepted (case-insensitive); empty accepts any public host.</param>
public sealed record SourceUrlPolicy(bool AllowLoopback, IReadOnlyList<string>? AllowedHosts = null)
{
    /// <summary>Validates <paramref name="url"/>; on failure <paramref name="error"/> says why.</summary>
    public bool TryValidate(string url, out Uri? uri, out string? error)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            error = $"'{url}' is not an absolute URL";
            return false;
        }

        bool loopback = parsed.IsLoopback;
        if (loopback && AllowLoopback && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            error = null;
            return true;
        }

        if (parsed.Scheme != Uri.UriSchemeHttps)
        {
            error = $"only https URLs are accepted, not '{parsed.Scheme}'";
            return false;
        }

        if (loopback || (IPAddress.TryParse(parsed.DnsSafeHost, out var ip) && IsPrivate(ip)))
        {
            error = $"host '{parsed.Host}' is a private, link-local or loopback address";
            return false;
        }

        if (AllowedHosts is { Count: > 0 } hosts && !hosts.Contains(parsed.Host, StringComparer.OrdinalIgnoreCase))
        {
            error = $"host '{parsed.Host}' is not on the allowlist of dataset hosts ({string.Join(", ", hosts)}); an administrator can add it to MedEdu:AllowedSourceHosts";
            return false;
        }

        uri = parsed;
        error = null;
        return true;
    }

    /// <summary>True for loopback, RFC 1918, link-local, CGNAT, unique-local and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return b[0] == 10
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] == 0;
        }

        return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
    }
}
