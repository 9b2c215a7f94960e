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

    public static AdmissionFacts Read(SqlSession s, BookingPlan plan)
    {
        var phone = plan.Phone.E164;
        var rows = s.List(
            """
            SELECT @phoneRow AS "Kind", "Number" AS "Number", "Standing" AS "State", "OwnerPersonKey" AS "Text", "Dependants" AS "Count"
            FROM "Phones" WHERE "Number" = @p OR "OwnerPersonKey" = @k
            UNION ALL
            SELECT @bookingRow, "Phone", "State", "Code", 0 FROM "Bookings" WHERE "PersonKey" = @k AND "State" IN (@booked, @arrived)
            UNION ALL
            SELECT @dependantRow, "Number", 0, NULL, 0 FROM "PhoneDependants" WHERE "Number" = @p AND "PersonKey" = @k
            """,
            r => (Kind: r.Get<int>("Kind"), Number: r.Get<string>("Number"), State: r.Get<int>("State"), Text: r.Get<string?>("Text"), Count: r.Get<int>("Count")),
            [("@phoneRow", PhoneRow), ("@bookingRow", ActiveBookingRow), ("@dependantRow", DependantRow), ("@p", phone), ("@k", plan.PersonKey),
             .. BookingRows.ActiveStates]);
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
