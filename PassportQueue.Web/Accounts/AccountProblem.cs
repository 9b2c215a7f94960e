namespace PassportQueue.Web.Accounts;

/// <summary>
/// What can be wrong with a new staff account; each has its own text for the dashboard. The
/// Identity problems carry Identity's own error codes as names, so they map one to one.
/// </summary>
public enum AccountProblem
{
    /// <summary>Not one of the roles.</summary>
    UnknownRole = 0,

    /// <summary>An officer or supervisor without an existing office.</summary>
    OfficeRequired = 1,

    /// <summary>The e-mail address is taken.</summary>
    DuplicateEmail = 2,

    /// <summary>The user name (the e-mail address) is taken.</summary>
    DuplicateUserName = 3,

    /// <summary>Not an e-mail address.</summary>
    InvalidEmail = 4,

    /// <summary>The user name (the e-mail address) has characters Identity does not allow.</summary>
    InvalidUserName = 5,

    /// <summary>The password is shorter than the rule.</summary>
    PasswordTooShort = 6,

    /// <summary>The password has no digit.</summary>
    PasswordRequiresDigit = 7,

    /// <summary>The password has no lower-case letter.</summary>
    PasswordRequiresLower = 8,

    /// <summary>The password has no upper-case letter.</summary>
    PasswordRequiresUpper = 9,

    /// <summary>The password has too few different characters.</summary>
    PasswordRequiresUniqueChars = 10,

    /// <summary>Any other refusal of Identity's.</summary>
    Other = 11,
}
