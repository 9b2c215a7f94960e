using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>A person's identity key as written now, and as it is kept once pseudonymised after its retention.</summary>
internal readonly record struct Identities(string Plain, string Pseudonym);

/// <summary>
/// Reads what <see cref="AdmissionRules"/> needs about a number and a person, in one statement of
/// the booking's transaction. A number's owner and dependants are matched by the identity as
/// written and as pseudonymised, so retention does not free a blacklisted person (an active
/// booking is never pseudonymised, so that leg needs only the plain key).
/// </summary>
internal static class AdmissionFactsRows
{
    private const int PhoneRow = 0;
    private const int ActiveBookingRow = 1;
    private const int DependantRow = 2;

    /// <summary>The one statement; the active-booking leg is answered by the partial unique index on the person (tested).</summary>
    internal static readonly string Sql =
        $"""
        SELECT {PhoneRow} AS "Kind", "Number" AS "Number", "Standing" AS "State", "OwnerPersonKey" AS "Text", "Dependants" AS "Count"
        FROM "Phones" WHERE "Number" = @p OR "OwnerPersonKey" = @k OR "OwnerPersonKey" = @kh
        UNION ALL
        SELECT {ActiveBookingRow}, "Phone", "State", "Code", 0 FROM "Bookings" WHERE "PersonKey" = @k AND "State" IN {StateSql.Active}
        UNION ALL
        SELECT {DependantRow}, "Number", 0, NULL, 0 FROM "PhoneDependants" WHERE "Number" = @p AND "PersonKey" IN (@k, @kh)
        """;

    public static AdmissionFacts Read(SqlSession s, BookingPlan plan, Identities identities)
    {
        var phone = plan.Phone.E164;
        var rows = s.List(
            Sql,
            r => (Kind: r.Get<int>("Kind"), Number: r.Get<string>("Number"), State: r.Get<int>("State"), Text: r.Get<string?>("Text"), Count: r.Get<int>("Count")),
            ("@p", phone), ("@k", identities.Plain), ("@kh", identities.Pseudonym));
        var facts = AdmissionFacts.None;
        foreach (var row in rows)
        {
            facts = row.Kind switch
            {
                ActiveBookingRow => facts with { ActiveBooking = new ActiveBookingFact(row.Text!, PhoneNumber.FromE164(row.Number)) },
                DependantRow => facts with { KnownDependant = true },
                _ when row.Number == phone => facts with { Number = new NumberFacts((PhoneStanding)row.State, row.Text == identities.Pseudonym ? identities.Plain : row.Text, row.Count) },
                _ => facts with { PersonOwnsAnotherNumber = true },
            };
        }

        return facts;
    }
}
