using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>Reads what <see cref="AdmissionRules"/> needs about a number and a person, in one statement of the booking's transaction.</summary>
internal static class AdmissionFactsRows
{
    private const int PhoneRow = 0;
    private const int ActiveBookingRow = 1;
    private const int DependantRow = 2;

    /// <summary>The one statement; the active-booking leg is answered by the partial unique index on the person (tested).</summary>
    internal static readonly string Sql =
        $"""
        SELECT {PhoneRow} AS "Kind", "Number" AS "Number", "Standing" AS "State", "OwnerPersonKey" AS "Text", "Dependants" AS "Count"
        FROM "Phones" WHERE "Number" = @p OR "OwnerPersonKey" = @k
        UNION ALL
        SELECT {ActiveBookingRow}, "Phone", "State", "Code", 0 FROM "Bookings" WHERE "PersonKey" = @k AND "State" IN {StateSql.Active}
        UNION ALL
        SELECT {DependantRow}, "Number", 0, NULL, 0 FROM "PhoneDependants" WHERE "Number" = @p AND "PersonKey" = @k
        """;

    public static AdmissionFacts Read(SqlSession s, BookingPlan plan)
    {
        var phone = plan.Phone.E164;
        var rows = s.List(
            Sql,
            r => (Kind: r.Get<int>("Kind"), Number: r.Get<string>("Number"), State: r.Get<int>("State"), Text: r.Get<string?>("Text"), Count: r.Get<int>("Count")),
            ("@p", phone), ("@k", plan.PersonKey));
        var facts = AdmissionFacts.None;
        foreach (var row in rows)
        {
            facts = row.Kind switch
            {
                ActiveBookingRow => facts with { ActiveBooking = new ActiveBookingFact(row.Text!, PhoneNumber.FromE164(row.Number)) },
                DependantRow => facts with { KnownDependant = true },
                _ when row.Number == phone => facts with { Number = new NumberFacts((PhoneStanding)row.State, row.Text, row.Count) },
                _ => facts with { PersonOwnsAnotherNumber = true },
            };
        }

        return facts;
    }
}
