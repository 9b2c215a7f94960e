using PassportQueue.Core.Bookings;
using PassportQueue.Core.Retention;

namespace PassportQueue.Tests.Core.Retention;

public sealed class PseudonymsTests
{
    private static readonly Pseudonyms Key = new([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    [Fact]
    public void TheSameValueGivesTheSamePseudonymUnderOneKeyAndAnotherUnderAnother()
    {
        var other = new Pseudonyms([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var person = PersonKey.For("Ani  Lestari", new DateOnly(1987, 1, 25));

        Assert.Equal(Key.Identity(person), Key.Identity(PersonKey.For("ANI LESTARI", new DateOnly(1987, 1, 25))));
        Assert.NotEqual(Key.Identity(person), other.Identity(person));
        Assert.NotEqual(Key.Identity(person), Key.Identity(PersonKey.For("ANI LESTARI", new DateOnly(1987, 1, 26))));
    }

    [Fact]
    public void APseudonymIsMarkedFitsItsColumnAndStaysAsItIs()
    {
        var phone = Key.Phone("+6281234500001");

        Assert.Equal((Pseudonyms.PhoneLength, Pseudonyms.Mark), (phone.Length, phone[0]));
        Assert.True(Pseudonyms.Is(phone));
        Assert.False(Pseudonyms.Is("+6281234500001"));
        Assert.Equal(phone, Key.Phone(phone));
        Assert.Equal(Pseudonyms.IdentityLength, Key.Identity("ANI|1987-01-25").Length);
        Assert.Equal(new DateOnly(1987, 1, 1), Pseudonyms.BirthDate(new DateOnly(1987, 12, 31)));
    }

    [Fact]
    public void RefusesAShortKey() => Assert.Throws<ArgumentException>(() => new Pseudonyms(new byte[16]));

    [Fact]
    public void TheCutoffIsTheRetentionBeforeNow() =>
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc), RetentionPolicy.CutoffUtc(new DateTime(2027, 3, 2, 7, 0, 0, DateTimeKind.Utc), RetentionPolicy.DefaultDays));
}
