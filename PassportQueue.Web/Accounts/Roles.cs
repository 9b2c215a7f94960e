namespace PassportQueue.Web.Accounts;

/// <summary>The dashboard's roles.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    /// <summary>Counter and Today: every role.</summary>
    public const string Staff = Officer + "," + Supervisor + "," + Admin;

    /// <summary>Flags, blacklist, audit, settings, reports.</summary>
    public const string Supervisors = Supervisor + "," + Admin;

    public static readonly string[] All = [Officer, Supervisor, Admin];
}
