using System.Globalization;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace FollowUp.Web.Features.Security;

/// <summary>
/// Identity's side of <see cref="PasswordRules"/>: at least <see cref="PasswordRules.MinLength"/> characters as people
/// see them, and not the account's email. Identity's own length rule counts UTF-16 units (an emoji is two), so
/// without this a path around the forms would accept five emoji.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<AppUser>
{
    /// <summary>The <see cref="IdentityError.Code"/> of a password with too few characters.</summary>
    public const string TooShortCode = "FollowUp.PasswordTooShort";

    /// <summary>The <see cref="IdentityError.Code"/> of a password that is the email (or its local part).</summary>
    public const string IsEmailCode = "FollowUp.PasswordIsEmail";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        if (PasswordRules.Characters(password) < PasswordRules.MinLength)
        {
            errors.Add(new IdentityError { Code = TooShortCode, Description = string.Create(CultureInfo.InvariantCulture, $"Use at least {PasswordRules.MinLength} characters.") });
        }
        if (PasswordRules.IsEmail(password, user.Email) || PasswordRules.IsEmail(password, user.UserName))
        {
            errors.Add(new IdentityError { Code = IsEmailCode, Description = "Do not use the email address as the password." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
