using System.Globalization;
using System.Security.Claims;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace FollowUp.Web.Features.Account;

/// <summary>What a change to the signed-in account came to.</summary>
/// <param name="SignedOut">The request's user no longer exists (the page sends the browser to sign in).</param>
/// <param name="Errors">What to show beside the form's fields; empty when the change was made.</param>
public sealed record AccountChange(bool SignedOut, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The change was made.</summary>
    public bool Succeeded => !SignedOut && Errors.Count == 0;

    internal static AccountChange Done { get; } = new(false, []);
    internal static AccountChange NoUser { get; } = new(true, []);

    internal static AccountChange Refused(params FieldError[] errors) => new(false, errors);
}

/// <summary>
/// Registering, changing the password and deleting the account for the account pages, over Identity. Signing in is
/// <see cref="SignInService"/>'s; sessions end through the security stamp Identity changes here (ADR 0017).
/// </summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    /// <summary>Creates the account and signs it in (persistent cookie); the errors to show otherwise.</summary>
    /// <param name="input">The checked form.</param>
    public async Task<IReadOnlyList<FieldError>> RegisterAsync(RegisterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = input.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(RegisterError).DistinctBy(e => (e.Field, e.MessageKey))];
        }
        logger.LogInformation("Account created");
        await signIn.SignInAsync(user, isPersistent: true);
        return [];
    }

    /// <summary>The signed-in account's email; null when the account is gone.</summary>
    public async Task<string?> EmailOfAsync(ClaimsPrincipal principal) => (await users.GetUserAsync(principal))?.Email;

    /// <summary>Changes the password and renews this browser's cookie; every other session ends with the old stamp.</summary>
    public async Task<AccountChange> ChangePasswordAsync(ClaimsPrincipal principal, ChangePasswordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return AccountChange.NoUser;
        }
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            return AccountChange.Refused([.. result.Errors.Select(e => e.Code == "PasswordMismatch"
                ? new FieldError(nameof(ChangePasswordInput.CurrentPassword), "Manage.WrongPassword")
                : PasswordRules.FromIdentity(e, nameof(ChangePasswordInput.NewPassword))
                    ?? new FieldError(nameof(ChangePasswordInput.NewPassword), "Register.Rejected"))]);
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed");
        return AccountChange.Done;
    }

    /// <summary>Deletes the account with everything it owns (one cascade, one transaction) and signs this browser out.</summary>
    public async Task<AccountChange> DeleteAsync(ClaimsPrincipal principal, DeleteAccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return AccountChange.NoUser;
        }
        if (!await users.CheckPasswordAsync(user, input.Password!))
        {
            return AccountChange.Refused(new FieldError(nameof(DeleteAccountInput.Password), "Manage.WrongPassword"));
        }
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return AccountChange.Refused(new FieldError(nameof(DeleteAccountInput.Password), "Manage.DeleteFailed"));
        }
        await signIn.SignOutAsync();
        logger.LogInformation("Account deleted");
        return AccountChange.Done;
    }

    private static FieldError RegisterError(IdentityError e) => e.Code switch
    {
        // Worded so that it does not confirm the address has an account.
        "DuplicateUserName" or "DuplicateEmail" => new(nameof(RegisterInput.Email), "Register.NotCreated"),
        "InvalidEmail" or "InvalidUserName" => new(nameof(RegisterInput.Email), "Validation.Email"),
        _ => PasswordRules.FromIdentity(e, nameof(RegisterInput.Password)) ?? new(nameof(RegisterInput.Password), "Register.Rejected"),
    };
}
