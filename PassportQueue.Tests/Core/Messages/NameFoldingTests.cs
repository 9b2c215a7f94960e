using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;

namespace PassportQueue.Tests.Core.Messages;

public sealed class NameFoldingTests
{
    private static readonly DateOnly Birth = new(1990, 3, 4);

    [Theory]
    [InlineData("budi santoso", "case")]
    [InlineData("Budi Santoso", "case")]
    [InlineData("BUDI  SANTOSO", "several spaces")]
    [InlineData("BUDI\tSANTOSO", "tab")]
    [InlineData("BUDI\u00A0SANTOSO", "no-break space")]
    [InlineData("BUDI\u2003SANTOSO", "em space")]
    [InlineData("BUDI\u3000SANTOSO", "ideographic space")]
    [InlineData("BU\u200BDI SANTOSO", "zero-width space")]
    [InlineData("BU\u200DDI SAN\u200CTOSO", "zero-width joiners")]
    [InlineData("BUDI SAN\u00ADTOSO", "soft hyphen")]
    [InlineData("\u200EBUDI SANTOSO\u2060", "direction mark and word joiner")]
    [InlineData("BUDI.SANTOSO", "dot")]
    [InlineData("BUDI - SANTOSO", "hyphen")]
    [InlineData("BUDI\u2013SANTOSO", "en dash")]
    [InlineData("BÜDI SÀNTOSO", "diacritics")]
    [InlineData("BU\u0308DI SANTOSO", "combining diaeresis")]
    [InlineData("ＢＵＤＩ ＳＡＮＴＯＳＯ", "full-width letters")]
    [InlineData("\U0001D401\U0001D414\U0001D403\U0001D408 SANTOSO", "mathematical bold letters")]
    public void FoldsEveryVariantAReaderSeesAsTheSameNameToOneIdentity(string name, string variant)
    {
        Assert.True(NameFolding.Problem(name) is null, variant);
        Assert.Equal("BUDI SANTOSO", NameFolding.Key(name));
        Assert.Equal(PersonKey.For("BUDI SANTOSO", Birth), PersonKey.For(name, Birth));
    }

    [Theory]
    [InlineData("MA'RUF", "MARUF")]
    [InlineData("MA’RUF", "MARUF")]
    [InlineData("MAʼRUF", "MARUF")]
    [InlineData("JOSÉ", "JOSE")]
    [InlineData("ÆLIA", "AELIA")]
    [InlineData("SØREN", "SOREN")]
    [InlineData("ĐINH", "DINH")]
    [InlineData("NGUYỄN", "NGUYEN")]
    public void FoldsApostrophesAndLettersWithMarks(string name, string key) => Assert.Equal(key, NameFolding.Key(name));

    [Theory]
    [InlineData("BUDI SАNTOSO", "Cyrillic А")]
    [InlineData("ВUDI", "Cyrillic В")]
    [InlineData("BUDI SANTΟSO", "Greek Ο")]
    [InlineData("محمد", "Arabic")]
    public void RefusesLettersOfOtherScriptsEvenWhenTheyLookLatin(string name, string variant)
    {
        Assert.True(NameFolding.Problem(name) == ParseProblem.NameOtherScript, variant);
        var parsed = MessageParser.Parse($"#{name}#04031990#07082027", MessageFormat.ArrivalDate);
        Assert.Equal(ParseProblem.NameOtherScript, Assert.IsType<MalformedMessage>(parsed).Problem);
    }

    [Theory]
    [InlineData("BUDI 2")]
    [InlineData("BUDI@SANTOSO")]
    [InlineData("B")]
    [InlineData("B\u200B")]
    [InlineData("😀😀")]
    public void RefusesDigitsSymbolsAndNamesWithoutTwoLetters(string name) =>
        Assert.Equal(ParseProblem.NameInvalid, NameFolding.Problem(name));

    [Fact]
    public void TheCounterSeesTheNameAsWrittenWithoutInvisibleCharacters()
    {
        var parsed = Assert.IsType<BookingRequest>(MessageParser.Parse("#José\u200B  Ma'ruf#04031990#07082027", MessageFormat.ArrivalDate));

        Assert.Equal("JOSÉ MA'RUF", parsed.Name);
        Assert.Equal("JOSE MARUF|1990-03-04", PersonKey.For(parsed.Name, parsed.BirthDate));
    }

    [Theory]
    [InlineData("RINA", "RINI", true)]
    [InlineData("RINA", "RINAA", true)]
    [InlineData("RINA", "RIN", true)]
    [InlineData("RINA", "IRNA", false)]
    [InlineData("RINA", "RINA", false)]
    [InlineData("RINA", "RONI", false)]
    [InlineData("SITI AMINAH", "SITI AMINA", true)]
    [InlineData("ANI", "BUDI", false)]
    public void NamesOneEditApartArePossiblyTheSamePerson(string a, string b, bool near)
    {
        Assert.Equal(near, NameFolding.OneEditApart(a, b));
        Assert.Equal(near, NameFolding.OneEditApart(b, a));
    }
}
