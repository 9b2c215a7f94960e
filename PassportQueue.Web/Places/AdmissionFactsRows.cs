using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Places;

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
    private const int StoredMessageRow = 3;

    /// <summary>The one statement; the active-booking leg is answered by the partial unique index on the person (tested).</summary>
    internal static readonly string Sql = Legs("@p", "@k", "@kh");

    /// <summary>
    /// The same statement for many requests at once (PostgreSQL): each request's number, keys and
    /// message id as arrays, every row tagged with the request's index, plus a row for each
    /// message that is stored already, with its outcome.
    /// </summary>
    internal static readonly string BulkSql =
        $"""
        SELECT r.i::integer - 1 AS "Index", f.* FROM unnest(@p::text[], @k::text[], @kh::text[], @m::text[]) WITH ORDINALITY AS r(p, k, kh, m, i)
        CROSS JOIN LATERAL (
            {Legs("r.p", "r.k", "r.kh")}
            UNION ALL
            SELECT {StoredMessageRow}, "Phone", 0, "Outcome", 0 FROM "Messages" WHERE "MessageId" = r.m
        ) f
        """;

    /// <summary>One row of the facts statement.</summary>
    internal readonly record struct Row(int Kind, string Number, int State, string? Text, int Count)
    {
        public bool IsStoredMessage => Kind == StoredMessageRow;

        public static Row Read(System.Data.Common.DbDataReader r) =>
            new(r.Get<int>("Kind"), r.Get<string>("Number"), r.Get<int>("State"), r.Get<string?>("Text"), r.Get<int>("Count"));
    }

    public static AdmissionFacts Read(SqlSession s, BookingPlan plan, Identities identities) =>
        Fold(s.List(Sql, Row.Read, ("@p", plan.Phone.E164), ("@k", identities.Plain), ("@kh", identities.Pseudonym)), plan, identities);

    /// <summary>The facts one request's rows say.</summary>
    public static AdmissionFacts Fold(IEnumerable<Row> rows, BookingPlan plan, Identities identities)
    {
        var phone = plan.Phone.E164;
        var facts = AdmissionFacts.None;
        foreach (var row in rows)
        {
            facts = row.Kind switch
            {
                ActiveBookingRow => facts with { ActiveBooking = new ActiveBookingFact(row.Text!, PhoneNumber.FromE164(row.Number)) },
                DependantRow => facts with { KnownDependant = true },
                StoredMessageRow => facts,
                _ when row.Number == phone => facts with { Number = new NumberFacts((PhoneStanding)row.State, row.Text == identities.Pseudonym ? identities.Plain : row.Text, row.Count) },
                _ => facts with { PersonOwnsAnotherNumber = true },
            };
        }

        return facts;
    }

    private static string Legs(string phone, string key, string pseudonym) =>
        $"""
        SELECT {PhoneRow} AS "Kind", "Number" AS "Number", "Standing" AS "State", "OwnerPersonKey" AS "Text", "Dependants" AS "Count"
        FROM "Phones" WHERE "Number" = {phone} OR "OwnerPersonKey" = {key} OR "OwnerPersonKey" = {pseudonym}
        UNION ALL
        SELECT {ActiveBookingRow}, "Phone", "State", "Code", 0 FROM "Bookings" WHERE "PersonKey" = {key} AND "State" IN {StateSql.Active}
        UNION ALL
        SELECT {DependantRow}, "Number", 0, NULL, 0 FROM "PhoneDependants" WHERE "Number" = {phone} AND "PersonKey" IN ({key}, {pseudonym})
        """;
}
