using Microsoft.AspNetCore.Identity;

namespace PassportQueue.Web.Data.Records;

/// <summary>A member of staff: an officer or supervisor of one office, or an admin of all.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The office the user works for; null for an admin, who sees every office.</summary>
    public string? OfficeCode { get; set; }

    /// <summary>The name shown in the dashboard and the audit trail.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
