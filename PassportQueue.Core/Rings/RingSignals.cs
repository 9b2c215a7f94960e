using System.Globalization;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Core.Rings;

/// <summary>
/// The rule of each ring signal, in one place: given what the office saw (bookings, refused
/// requests, numbers' activity), the signals with their evidence. Pure: the detector reads the
/// facts, these decide, the store keeps what they found.
/// </summary>
public static partial class RingSignals
{
    /// <summary>The most lines of evidence kept with one signal (the first ones seen); its figures count them all.</summary>
    public const int MaxEvidenceLines = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The same e-KTP photo (hashes within <see cref="RingRules.PhotoDistance"/>) from different
    /// numbers, or with different adults' identities. A parent's card sent again for their own balita
    /// or lansia on their own number is what a family does, and no signal. Photos are grouped around
    /// the first one seen.
    /// </summary>
    public static IEnumerable<DetectedSignal> SamePhoto(IReadOnlyList<BookingFact> facts, RingRules rules)
    {
        var groups = new List<(ulong Hash, List<BookingFact> Uses)>();
        foreach (var fact in facts.Where(f => f.PhotoHash is not null).OrderBy(f => f.AtUtc))
        {
            var hash = fact.PhotoHash!.Value;
            var group = groups.FirstOrDefault(g => PhotoHash.Distance(g.Hash, hash) <= rules.PhotoDistance);
            if (group.Uses is null)
            {
                groups.Add((hash, [fact]));
            }
            else
            {
                group.Uses.Add(fact);
            }
        }

        foreach (var (hash, uses) in groups)
        {
            var people = uses.Select(u => u.PersonKey).Distinct().Count();
            var adults = uses.Where(u => !u.IsDependant).Select(u => u.PersonKey).Distinct().Count();
            var numbers = uses.Select(u => u.Phone).Distinct().Count();
            if (adults > 1 || numbers > 1)
            {
                var photo = RingNode.Photo(hash);
                yield return new DetectedSignal(
                    SignalKind.SamePhoto, "photo|" + photo.Key, [.. uses.SelectMany(u => PersonEdges(photo, u))], Evidence(uses),
                    [Count(uses.Count), Count(people), Count(numbers)]);
            }
        }
    }

    /// <summary>
    /// The same address (by <see cref="AddressKey"/>) on bookings of different people from more than
    /// <see cref="RingRules.NumbersPerAddressPerDay"/> different numbers in one office day.
    /// </summary>
    public static IEnumerable<DetectedSignal> SameAddress(IReadOnlyList<BookingFact> facts, RingRules rules)
    {
        foreach (var group in facts.Where(f => f.Address is not null).GroupBy(f => (Key: AddressKey.For(f.Address!), f.LocalDay)))
        {
            var numbers = group.Select(f => f.Phone).Distinct().Count();
            var people = group.Select(f => f.PersonKey).Distinct().Count();
            if (numbers > rules.NumbersPerAddressPerDay && people > 1)
            {
                var address = RingNode.Address(group.Key.Key);
                var day = group.Key.LocalDay.ToString("yyyy-MM-dd", Invariant);
                yield return new DetectedSignal(
                    SignalKind.SameAddress, $"address|{group.Key.Key}|{day}", [.. group.SelectMany(f => PersonEdges(address, f))], Evidence(group),
                    [day, Count(numbers), Count(people), Count(rules.NumbersPerAddressPerDay)]);
            }
        }
    }

    /// <summary>
    /// A number at its dependant cap that was refused for it at least <see cref="RingRules.DependantCapRetries"/>
    /// times (it keeps registering dependants), with the dependants it holds and those it tried.
    /// </summary>
    public static IEnumerable<DetectedSignal> DependantsAtCap(
        IReadOnlyList<BookingFact> dependants, IReadOnlyList<BookingFact> capRefusals, BookingRules booking, RingRules rules)
    {
        foreach (var tries in capRefusals.GroupBy(r => r.Phone))
        {
            var held = dependants.Where(d => d.Phone == tries.Key).DistinctBy(d => d.PersonKey).ToList();
            var refused = tries.DistinctBy(r => r.PersonKey).Count();
            if (held.Count >= booking.MaxDependantsPerNumber && tries.Count() >= rules.DependantCapRetries)
            {
                var number = RingNode.Number(tries.Key);
                yield return new DetectedSignal(
                    SignalKind.DependantsAtCap, "dependants-cap|" + tries.Key,
                    [.. held.Concat(tries).Select(f => new RingEdge(number, RingNode.Identity(f.PersonKey))).Distinct()],
                    Evidence(held.Concat(tries)), [Count(held.Count), Count(tries.Count()), Count(refused)]);
            }
        }
    }

    /// <summary>
    /// A number with at least <see cref="RingRules.DependantsAtLimits"/> dependants whose age on their
    /// appointment day is within <see cref="RingRules.AgeLimitDays"/> days inside a limit: a balita
    /// just under five, a lansia just sixty (the ages a scalper makes up).
    /// </summary>
    public static IEnumerable<DetectedSignal> DependantAgesAtLimits(IReadOnlyList<BookingFact> dependants, RingRules rules)
    {
        foreach (var number in dependants.GroupBy(d => d.Phone))
        {
            var atLimit = number.DistinctBy(d => d.PersonKey).Where(d => AtAgeLimit(d.BirthDate, d.Date, rules.AgeLimitDays)).ToList();
            if (atLimit.Count >= rules.DependantsAtLimits)
            {
                var node = RingNode.Number(number.Key);
                yield return new DetectedSignal(
                    SignalKind.DependantAgesAtLimits, "dependant-ages|" + number.Key,
                    [.. atLimit.Select(d => new RingEdge(node, RingNode.Identity(d.PersonKey)))], Evidence(atLimit),
                    [Count(atLimit.Count), Count(rules.AgeLimitDays)]);
            }
        }
    }

    /// <summary>Whether someone is within <paramref name="days"/> days inside the balita limit (turning five soon) or the lansia limit (just sixty) on a day.</summary>
    public static bool AtAgeLimit(DateOnly birthDate, DateOnly on, int days)
    {
        var fifth = AddYears(birthDate, AgePolicy.BalitaBelow);
        var sixtieth = AddYears(birthDate, AgePolicy.LansiaFrom);
        return (on < fifth && fifth.DayNumber - on.DayNumber <= days) || (on >= sixtieth && on.DayNumber - sixtieth.DayNumber < days);
    }

    /// <summary>
    /// Two identities with the same birth date whose names are one edit apart (<see cref="Messages.NameFolding.OneEditApart"/>):
    /// not refused, since they may be two people, but possibly one person booking twice.
    /// </summary>
    public static IEnumerable<DetectedSignal> PossibleSamePerson(IReadOnlyList<BookingFact> facts)
    {
        foreach (var born in facts.GroupBy(f => f.BirthDate))
        {
            var people = born.GroupBy(f => f.PersonKey).Select(g => g.First()).OrderBy(f => f.PersonKey, StringComparer.Ordinal).ToList();
            // Two names are one edit apart only if they share a name with one letter left out (or one is the other
            // with one left out): candidates come from that index, not from every pair, so a day with many
            // people born on it costs their letters, not their square.
            var byVariant = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < people.Count; i++)
            {
                var name = NameOf(people[i].PersonKey);
                foreach (var variant in Enumerable.Range(0, name.Length).Select(k => name.Remove(k, 1)).Append(name).Distinct())
                {
                    (byVariant.TryGetValue(variant, out var list) ? list : byVariant[variant] = []).Add(i);
                }
            }

            var pairs = byVariant.Values.Where(l => l.Count > 1)
                .SelectMany(l => l.SelectMany((a, x) => l.Skip(x + 1).Select(b => (A: Math.Min(a, b), B: Math.Max(a, b)))))
                .Distinct().Order();
            foreach (var (i, j) in pairs)
            {
                var (a, b) = (people[i], people[j]);
                if (Messages.NameFolding.OneEditApart(NameOf(a.PersonKey), NameOf(b.PersonKey)))
                {
                    var (ia, ib) = (RingNode.Identity(a.PersonKey), RingNode.Identity(b.PersonKey));
                    yield return new DetectedSignal(
                        SignalKind.PossibleSamePerson, $"same-person|{a.PersonKey}|{b.PersonKey}",
                        [new RingEdge(ia, ib), new RingEdge(RingNode.Number(a.Phone), ia), new RingEdge(RingNode.Number(b.Phone), ib)],
                        Evidence([a, b]), []);
                }
            }
        }
    }

    private static string NameOf(string personKey) => personKey[..Math.Max(0, personKey.LastIndexOf('|'))];

    private static DateOnly AddYears(DateOnly date, int years) =>
        date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(date.Year + years) ? new DateOnly(date.Year + years, 3, 1) : date.AddYears(years);

    private static IEnumerable<RingEdge> PersonEdges(RingNode hub, BookingFact fact)
    {
        var person = RingNode.Identity(fact.PersonKey);
        yield return new RingEdge(hub, person);
        yield return new RingEdge(RingNode.Number(fact.Phone), person);
    }

    private static List<RingEdge> Chain(IEnumerable<string> phones)
    {
        var nodes = phones.Select(RingNode.Number).ToList();
        return nodes.Count == 1 ? [new RingEdge(nodes[0], nodes[0])] : [.. nodes.Zip(nodes.Skip(1), (a, b) => new RingEdge(a, b))];
    }

    private static List<EvidenceLine> Evidence(IEnumerable<BookingFact> facts) =>
        [.. facts.OrderBy(f => f.AtUtc).Take(MaxEvidenceLines).Select(f => new EvidenceLine(f.Code, f.Phone, f.Name, f.BirthDate, f.Address, f.AtUtc))];

    private static string Count(int n) => n.ToString(Invariant);

    private static string Percent(double rate) => Math.Round(rate * 100).ToString(Invariant);
}
