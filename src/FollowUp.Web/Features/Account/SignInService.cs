using System.Net;
using System.Net.Sockets;
using FollowUp.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace FollowUp.Web.Features.Account;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInOutcome
{
    SignedIn,
    Failed,
    /// <summary>Too many failures for this email from this address: refused without looking at the password.</summary>
    LockedOut,
}

/// <summary>
/// Password sign-in for the sign-in page. Two things Identity's own sign-in did not do:
/// <list type="bullet">
/// <item>It costs the same whether or not the email has an account: an unknown email is checked against a dummy hash
/// made by the same hasher (a real check took 100–150 ms, an unknown email 5 ms).</item>
/// <item>Failures lock an email for one client address only (ADR 0018): <see cref="MaxFailures"/> failures in
/// <see cref="LockoutWindow"/> from an address refuse that email from that address for the rest of the window,
/// whether or not it has an account, while its owner signs in from anywhere else. Identity's account-wide lockout
/// let anyone who knew an email keep its owner out. The counts are in the database (<see cref="SignInFailures"/>),
/// shared by every node.</item>
/// </list>
/// </summary>
public sealed class SignInService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    SignInFailures failures,
    DummyPasswordHash dummy,
    IHttpContextAccessor http)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(15);

    /// <summary>Signs in with a password; failures count against the email from the request's client address.</summary>
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool remember)
    {
        // The forwarded-headers middleware has already put the real client's address here behind a proxy.
        var client = http.HttpContext?.Connection.RemoteIpAddress;
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var key = FailureKey(email, client);
        if (await failures.CountAsync(key) >= MaxFailures)
        {
            return SignInOutcome.LockedOut;
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The same work as checking a real password, so the time does not tell the email has no account.
            hasher.VerifyHashedPassword(dummy.User, dummy.Hash(hasher), password);
            await failures.FailAsync(key, LockoutWindow);
            return SignInOutcome.Failed;
        }
        // Identity's account-wide lockout is not used (lockoutOnFailure: false); see above.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            await failures.FailAsync(key, LockoutWindow);
            return SignInOutcome.Failed;
        }
        await failures.ClearAsync(key);
        await signIn.SignInAsync(user, remember);
        return SignInOutcome.SignedIn;
    }

    /// <summary>The email (as Identity normalizes it) and the client's address; an IPv6 client is its /64 network.</summary>
    public static string FailureKey(string email, IPAddress? client)
    {
        var address = client is null ? "unknown"
            : client.IsIPv4MappedToIPv6 ? client.MapToIPv4().ToString()
            : client.AddressFamily == AddressFamily.InterNetworkV6 ? new IPNetwork(client, 64).BaseAddress + "/64"
            : client.ToString();
        return "signin-failures:" + email.Trim().ToUpperInvariant() + "|" + address;
    }
}

/// <summary>A hash of a random password, made once by the app's hasher (same algorithm and iteration count as real ones).</summary>
public sealed class DummyPasswordHash
{
    private string? _hash;

    public AppUser User { get; } = new();

    /// <summary>The hash, made on first use with <paramref name="hasher"/> (a scoped service, so not injected here).</summary>
    public string Hash(IPasswordHasher<AppUser> hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return LazyInitializer.EnsureInitialized(ref _hash,
            () => hasher.HashPassword(User, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    }
}
