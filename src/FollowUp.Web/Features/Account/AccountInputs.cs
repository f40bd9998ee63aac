using FollowUp.Web.Infrastructure;

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
        PasswordRules.Check(errors, nameof(Password), Password);
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

/// <summary>Length over composition: at least 10 characters, at most 128, no character-class rules, not a common password.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static void Check(List<FieldError> errors, string field, string? password)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new(field, "Validation.Required"));
        }
        else if (password.Length < MinLength)
        {
            errors.Add(new(field, "Validation.PasswordLength", MinLength));
        }
        else if (password.Length > MaxLength)
        {
            errors.Add(new(field, "Validation.TooLong", MaxLength, password.Length));
        }
        else if (Security.CommonPasswordValidator.IsCommon(password))
        {
            errors.Add(new(field, "Validation.PasswordCommon"));
        }
    }
}
