namespace PassportQueue.Core.Offices;

/// <summary>What an office's booking message carries after the name and birth date.</summary>
public enum MessageFormat
{
    /// <summary><c>#NAME#BIRTHDATE#ARRIVALDATE</c> (Bogor, Jakarta Pusat).</summary>
    ArrivalDate = 0,

    /// <summary><c>#NAME#BIRTHDATE#ADDRESS</c> with a photo of the e-KTP (Batam); the office picks the date.</summary>
    AddressWithIdPhoto = 1,
}
