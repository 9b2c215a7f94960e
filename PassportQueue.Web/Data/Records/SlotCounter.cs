namespace PassportQueue.Web.Data.Records;

/// <summary>Places taken in one slot of one office day; a check constraint keeps it within capacity.</summary>
public sealed class SlotCounter
{
    public int OfficeId { get; set; }

    public DateOnly Date { get; set; }

    public int SlotIndex { get; set; }

    public int Capacity { get; set; }

    public int Taken { get; set; }
}
