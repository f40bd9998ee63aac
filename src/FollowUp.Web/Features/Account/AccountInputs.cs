using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace FollowUp.Web.Features.Account;

/// <summary>Sign-in form.</summary>
public sealed class LoginInput : IValidatedInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; } = true;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), "Validation.Required"));
        }
        if (string.IsNullOrEmpty(Password))
        {
            errors.Add(new(nameof(Password), "Validation.Required"));
        }
        return errors;
    }
}

/// <summary>Registration form: an email and a password of at least <see cref="PasswordRules.MinLength"/> characters.</summary>
public sealed class RegisterInput : IValidatedInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), "Validation.Required"));
        }
        else if (Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out var parsed) || parsed.Address != Email.Trim())
        {
            errors.Add(new(nameof(Email), "Validation.Email"));
        }
        PasswordRules.Check(errors, nameof(Password), Password, Email);
        if (Password != ConfirmPassword)
        {
            errors.Add(new(nameof(ConfirmPassword), "Validation.PasswordMismatch"));
        }
        return errors;
    }
}

/// <summary>Change-password form.</summary>
public sealed class ChangePasswordInput : IValidatedInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            errors.Add(new(nameof(CurrentPassword), "Validation.Required"));
        }
        PasswordRules.Check(errors, nameof(NewPassword), NewPassword);
        if (NewPassword != ConfirmPassword)
        {
            errors.Add(new(nameof(ConfirmPassword), "Validation.PasswordMismatch"));
        }
        return errors;
    }
}

/// <summary>Delete-account form: the password confirms it.</summary>
public sealed class DeleteAccountInput : IValidatedInput
{
    public string? Password { get; set; }

    public IReadOnlyList<FieldError> Validate() =>
        string.IsNullOrEmpty(Password) ? [new(nameof(Password), "Validation.Required")] : [];
}

/// <summary>
/// Length over composition: at least 10 characters, at most 128, no character-class rules, not a common password and
/// not the account's email. Characters are counted as people see them (text elements: an emoji, a family emoji or a
/// kana with its combining mark is one), not UTF-16 units.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>
    /// Adds the first problem with <paramref name="password"/> for <paramref name="field"/>, if any; with
    /// <paramref name="email"/> (the account's, when known) the password may not be it nor its local part.
    /// </summary>
    public static void Check(List<FieldError> errors, string field, string? password, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new(field, "Validation.Required"));
        }
        else if (Characters(password) < MinLength)
        {
            errors.Add(new(field, "Validation.PasswordLength", MinLength));
        }
        else if (password.Length > MaxLength)
        {
            errors.Add(new(field, "Validation.TooLong", MaxLength, password.Length));
        }
        else if (IsEmail(password, email))
        {
            errors.Add(new(field, "Validation.PasswordIsEmail"));
        }
        else if (Security.CommonPasswordValidator.IsCommon(password))
        {
            errors.Add(new(field, "Validation.PasswordCommon"));
        }
    }

    /// <summary>How many characters a person sees in <paramref name="password"/>.</summary>
    public static int Characters(string? password) =>
        string.IsNullOrEmpty(password) ? 0 : new System.Globalization.StringInfo(password).LengthInTextElements;

    /// <summary>Whether the password is the email or its part before the @ (ignoring case and surrounding spaces).</summary>
    public static bool IsEmail(string? password, string? email)
    {
        if (string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var p = password.Trim();
        var e = email.Trim();
        var at = e.LastIndexOf('@');
        return string.Equals(p, e, StringComparison.OrdinalIgnoreCase)
            || (at > 0 && string.Equals(p, e[..at], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The form message for an Identity error about a password (Identity checks again whatever path the password
    /// came by); null for errors that are not about the password.
    /// </summary>
    public static FieldError? FromIdentity(IdentityError error, string field)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            "PasswordTooShort" or Security.PasswordPolicyValidator.TooShortCode => new(field, "Validation.PasswordLength", MinLength),
            Security.PasswordPolicyValidator.IsEmailCode => new(field, "Validation.PasswordIsEmail"),
            Security.CommonPasswordValidator.ErrorCode => new(field, "Validation.PasswordCommon"),
            _ => null,
        };
    }
}
