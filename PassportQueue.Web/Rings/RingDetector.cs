using System.Diagnostics;
using System.Text.Json;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Rings;

/// <summary>
/// Finds ring signals (<see cref="RingSignals"/>) in what each office received in the last
/// <see cref="RingRules.WindowDays"/> days and keeps them with their evidence. Runs beside the
/// webhook (<see cref="PassportQueue.Web.Rings.RingJob"/>), not in it: the booking path only stores each photo's hash.
/// A signal found again is the same row (its key); new edges are added and a decided signal that
/// gained any opens again. Safe on several nodes at once: every write is conditional.
/// </summary>
public sealed partial class RingDetector(
    Database database, WriteBatcher writes, OfficeDirectory offices, BookingRules booking, RingRules rules, TimeProvider time, ILogger<RingDetector> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Scans every office; returns how many signals were new or changed.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var office in await offices.AllAsync(ct))
        {
            changed += await ScanAsync(office, ct);
        }

        return changed;
    }

    /// <summary>Scans one office.</summary>
    public async Task<int> ScanAsync(Office office, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var since = now.UtcDateTime.AddDays(-rules.WindowDays);
        var (requests, activity) = await database.ReadAsync(s => (Requests(s, office, since), Activity(s, office.Id, since)), ct);
        var today = office.Calendar.LocalDate(now);
        var bookings = requests.Where(r => r.Fact.Code is not null).Select(r => r.Fact).ToList();
        var signals = RingSignals.SamePhoto([.. requests.Select(r => r.Fact).Where(f => f.PhotoHash is not null)], rules)
            .Concat(RingSignals.SameAddress(bookings, rules))
            .Concat(RingSignals.DependantsAtCap(
                [.. bookings.Where(b => b.IsDependant)], [.. requests.Where(r => r.CapRefusal).Select(r => r.Fact)], booking, rules))
            .Concat(RingSignals.DependantAgesAtLimits([.. bookings.Where(b => b.IsDependant)], rules))
            .Concat(RingSignals.ReleaseBurst(activity, Releases(office, since, now.UtcDateTime), rules))
            .Concat(RingSignals.NumberSeries(activity, rules))
            .Concat(RingSignals.NoShowRate([.. bookings.Where(b => b.Date < today)], rules))
            .Concat(RingSignals.PossibleSamePerson(bookings))
            .ToList();
        var changed = signals.Count == 0 ? 0 : await writes.RunAsync(s => signals.Count(signal => Keep(s, office.Id, signal, now.UtcDateTime)), ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogScanned(logger, office.Code, requests.Count, signals.Count, changed, elapsed);
        return changed;
    }

    /// <summary>The moments places go at an office: each day's intake opening (midnight where intake is always open).</summary>
    internal static IEnumerable<DateTime> Releases(Office office, DateTime sinceUtc, DateTime nowUtc)
    {
        var opens = office.Settings.IntakeOpens ?? TimeOnly.MinValue;
        for (var day = office.Calendar.LocalDate(new DateTimeOffset(sinceUtc, TimeSpan.Zero)); ; day = day.AddDays(1))
        {
            var release = office.Calendar.ToUtc(day, opens);
            if (release > nowUtc)
            {
                yield break;
            }

            yield return release;
        }
    }

    /// <summary>
    /// The office's bookings made in the window, read from their own columns (no message is parsed), with
    /// their photo's hash; and its messages in the window that made no booking but carried a photo or were
    /// refused for the dependant cap, read from their text.
    /// </summary>
    private static List<ScanRequest> Requests(SqlSession s, Office office, DateTime since)
    {
        var bookings = s.List(
            """
            SELECT b."Code" AS "Code", b."Phone" AS "Phone", b."PersonKey" AS "PersonKey", b."Name" AS "Name", b."BirthDate" AS "BirthDate",
                   b."Address" AS "Address", b."IsOwner" AS "IsOwner", b."Date" AS "Date", b."State" AS "State", b."CreatedAtUtc" AS "CreatedAtUtc",
                   p."PerceptualHash" AS "PerceptualHash"
            FROM "Bookings" b LEFT JOIN "IdPhotos" p ON p."MessageId" = b."MessageId"
            WHERE b."OfficeId" = @office AND b."CreatedAtUtc" >= @since AND b."PseudonymisedAtUtc" IS NULL
            """,
            r =>
            {
                var at = r.GetUtc("CreatedAtUtc");
                return new ScanRequest(
                    new BookingFact(
                        r.Get<string>("Code"), r.Get<string>("Phone"), r.Get<string>("PersonKey"), r.Get<string>("Name"), r.Get<DateOnly>("BirthDate"),
                        r.Get<string?>("Address"), !r.Get<bool>("IsOwner"), r.Get<DateOnly>("Date"), r.GetEnum<BookingState>("State") == BookingState.Forfeited,
                        at, office.Calendar.LocalDate(new DateTimeOffset(at, TimeSpan.Zero)), Hash(r)),
                    CapRefusal: false);
            },
            ("@office", office.Id), ("@since", since));
        var refused = s.List(
            $"""
            SELECT m."Phone" AS "Phone", m."Body" AS "Body", m."ReceivedAtUtc" AS "ReceivedAtUtc", m."Outcome" AS "Outcome", p."PerceptualHash" AS "PerceptualHash"
            FROM "Messages" m LEFT JOIN "IdPhotos" p ON p."MessageId" = m."MessageId"
            WHERE m."OfficeId" = @office AND m."ReceivedAtUtc" >= @since AND m."BookingId" IS NULL
              AND (p."PerceptualHash" IS NOT NULL OR m."Outcome" LIKE '%{nameof(RefusalReason.TooManyDependants)}%')
            """,
            r => Refused(r, office),
            ("@office", office.Id), ("@since", since));
        return [.. bookings, .. refused.OfType<ScanRequest>()];
    }

    private static ScanRequest? Refused(System.Data.Common.DbDataReader r, Office office)
    {
        if (MessageParser.Parse(r.Get<string>("Body"), office.Settings.MessageFormat) is not BookingRequest request)
        {
            return null;
        }

        var at = r.GetUtc("ReceivedAtUtc");
        var localDay = office.Calendar.LocalDate(new DateTimeOffset(at, TimeSpan.Zero));
        var date = request.ArrivalDate ?? localDay;
        return new ScanRequest(
            new BookingFact(
                null, r.Get<string>("Phone"), PersonKey.For(request.Name, request.BirthDate), request.Name, request.BirthDate, request.Address,
                AgePolicy.Classify(request.BirthDate, date) != AgeGroup.Adult, date, Forfeited: false, at, localDay, Hash(r)),
            OutcomeJson.Read(r.Get<string>("Outcome")) is BookingRefused { Reason: RefusalReason.TooManyDependants });
    }

    private static ulong? Hash(System.Data.Common.DbDataReader r) => r.Get<long?>("PerceptualHash") is { } h ? unchecked((ulong)h) : null;

    private static List<NumberActivity> Activity(SqlSession s, int officeId, DateTime since) =>
        s.List(
            """
            SELECT p."Number" AS "Number", p."FirstSeenUtc" AS "FirstSeenUtc", COUNT(m."MessageId") AS "Messages",
                   SUM(CASE WHEN m."Body" LIKE '%#%' THEN 1 ELSE 0 END) AS "Bookings"
            FROM "Phones" p JOIN "Messages" m ON m."Phone" = p."Number"
            WHERE p."FirstSeenUtc" >= @since AND p."Number" NOT LIKE '~%'
              AND EXISTS (SELECT 1 FROM "Messages" f WHERE f."Phone" = p."Number" AND f."OfficeId" = @office)
            GROUP BY p."Number", p."FirstSeenUtc"
            """,
            r => new NumberActivity(r.Get<string>("Number"), r.GetUtc("FirstSeenUtc"), (int)r.Get<long>("Messages"), (int)r.Get<long>("Bookings")),
            ("@office", officeId), ("@since", since));

    /// <summary>Stores a signal found, or adds what is new to the one stored; true when anything changed.</summary>
    private static bool Keep(SqlSession s, int officeId, DetectedSignal signal, DateTime now)
    {
        var evidence = JsonSerializer.Serialize(new StoredEvidence(signal.Evidence, signal.Figures), Json);
        var created = s.Execute(
            """
            INSERT INTO "RingSignals" ("OfficeId", "Kind", "Key", "Evidence", "FirstSeenUtc", "LastSeenUtc")
            VALUES (@office, @kind, @key, @evidence, @now, @now) ON CONFLICT ("OfficeId", "Key") DO NOTHING
            """,
            ("@office", officeId), ("@kind", (int)signal.Kind), ("@key", signal.Key), ("@evidence", evidence), ("@now", now)) == 1;
        var id = s.Scalar<long>("""SELECT "Id" FROM "RingSignals" WHERE "OfficeId" = @office AND "Key" = @key""", ("@office", officeId), ("@key", signal.Key));
        // Only the edges not stored yet are written: a signal seen again at every scan costs one read.
        var stored = created
            ? []
            : s.List(
                """SELECT "FromKind" AS "FromKind", "FromKey" AS "FromKey", "ToKind" AS "ToKind", "ToKey" AS "ToKey" FROM "RingEdges" WHERE "SignalId" = @id""",
                r => new RingEdge(new RingNode(r.GetEnum<NodeKind>("FromKind"), r.Get<string>("FromKey")), new RingNode(r.GetEnum<NodeKind>("ToKind"), r.Get<string>("ToKey"))),
                ("@id", id)).ToHashSet();
        var added = 0;
        var newEdges = signal.Edges.Distinct().Where(e => !stored.Contains(e)).ToList();
        foreach (var edge in newEdges)
        {
            added += s.Execute(
                """
                INSERT INTO "RingEdges" ("SignalId", "FromKind", "FromKey", "ToKind", "ToKey") VALUES (@id, @fk, @fkey, @tk, @tkey)
                ON CONFLICT DO NOTHING
                """,
                ("@id", id), ("@fk", (int)edge.From.Kind), ("@fkey", edge.From.Key), ("@tk", (int)edge.To.Kind), ("@tkey", edge.To.Key));
        }

        if (!created && added > 0)
        {
            // The ring grew: its evidence is the new one. A decision on the smaller ring is for a supervisor to take again only
            // when a number joined that the decision did not cover; its own numbers retrying (a blocked number sending the same
            // photo under another name) add evidence, not a question.
            var members = stored.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
            var newNumber = newEdges.SelectMany(e => new[] { e.From, e.To }).Any(n => n.Kind == NodeKind.Number && !members.Contains(n));
            s.Execute(
                newNumber
                    ? """
                      UPDATE "RingSignals" SET "Evidence" = @evidence, "LastSeenUtc" = @now,
                             "DecidedAtUtc" = NULL, "DecidedBy" = NULL, "Decision" = NULL, "DecisionReason" = NULL
                      WHERE "Id" = @id
                      """
                    : """UPDATE "RingSignals" SET "Evidence" = @evidence, "LastSeenUtc" = @now WHERE "Id" = @id""",
                ("@evidence", evidence), ("@now", now), ("@id", id));
        }

        return created || added > 0;
    }

    private sealed record ScanRequest(BookingFact Fact, bool CapRefusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ring scan of {Office}: {Requests} requests, {Signals} signals, {Changed} new or grown, {Milliseconds:F0} ms")]
    private static partial void LogScanned(ILogger logger, string office, int requests, int signals, int changed, double milliseconds);
}

/// <summary>A signal's evidence as stored: the lines behind it and the figures its text shows.</summary>
public sealed record StoredEvidence(IReadOnlyList<EvidenceLine> Lines, IReadOnlyList<string> Figures);
