namespace PassportQueue.Core.Offices;

/// <summary>Finds offices by code or by one of their WhatsApp numbers.</summary>
public interface IOfficeDirectory
{
    /// <summary>The office a WhatsApp number belongs to, or null.</summary>
    ValueTask<Office?> FindByNumberAsync(string number, CancellationToken cancellationToken);

    /// <summary>The office with a code, or null.</summary>
    ValueTask<Office?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The office with this database id, or null.</summary>
    ValueTask<Office?> FindByIdAsync(int id, CancellationToken cancellationToken);
}
