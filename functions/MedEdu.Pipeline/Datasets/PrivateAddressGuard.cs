using System.Net;
using System.Net.Sockets;

namespace MedEdu.Pipeline.Datasets;

/// <summary>
/// Connects only to public addresses: the host name is resolved here and every private,
/// link-local or loopback answer is refused, so a public name that resolves (or rebinds) to an
/// internal address cannot turn dataset downloads into requests inside the network.
/// </summary>
public static class PrivateAddressGuard
{
    /// <summary>A SocketsHttpHandler connect callback; <paramref name="allowLoopback"/> is for tests' local servers.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectAsync(bool allowLoopback) =>
        async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => !SourceUrlPolicy.IsPrivate(a) || (allowLoopback && IPAddress.IsLoopback(a))).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to private, link-local or loopback addresses");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
