using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MedEdu.Pipeline.Tests;

/// <summary>Limits on abuse at the join route, from distinct loopback addresses so the other tests' 127.0.0.1 keeps its budget.</summary>
public sealed partial class ClassIntegrationTests
{
    [Fact]
    public async Task A_thousand_wrong_join_codes_from_one_address_are_refused_after_the_limit_while_another_address_joins()
    {
        using var guesser = From("127.0.0.3");
        string code = fixture.Class.GetProperty("code").GetString()!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? firstRefusal = null;
        for (int i = 0; i < 1000; i++)
        {
            var response = await guesser.PostAsJsonAsync("api/classes/join", new { code = $"WRONG{i:D5}", displayName = "Mallory" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && firstRefusal is null)
            {
                firstRefusal = response;
            }
            else
            {
                response.Dispose();
            }
        }

        // 20 wrong codes a minute, refilled one per 3 s: the run may have earned a few back.
        int wrong = statuses.Count(s => s == HttpStatusCode.NotFound);
        int earned = (int)(watch.Elapsed.TotalSeconds / 3) + 1;
        Assert.InRange(wrong, 20, 20 + earned);
        Assert.Equal(1000 - wrong, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.NotNull(firstRefusal);
        using (firstRefusal)
        {
            Assert.True(firstRefusal.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
            var problem = JsonDocument.Parse(await firstRefusal.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("more than 20 wrong join codes a minute from one address", problem.GetProperty("detail").GetString());
        }

        // The guessing address cannot join even with the right code until its budget refills ...
        using (var blocked = await guesser.PostAsJsonAsync("api/classes/join", new { code, displayName = "Mallory" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        }

        // ... while a student elsewhere joins, typing the code in lower case with a hyphen.
        using var student = From("127.0.0.4");
        string typed = code.Length == 10 ? $"{code[..5]}-{code[5..]}".ToLowerInvariant() : code;
        using var joined = await student.PostAsJsonAsync("api/classes/join", new { code = typed, displayName = "Erin" });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        Assert.Equal(10, code.Length);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (string path in new[] { "api/datasets", "api/no/such/route", "api/app/" })
        {
            using var response = await Anonymous.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    /// <summary>A client whose connections leave from <paramref name="address"/> (any 127.x address is this machine).</summary>
    private HttpClient From(string address) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = Anonymous.BaseAddress };
}
