using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;

namespace PassportQueue.Tests.Core.Messages;

public sealed class MessageParserTests
{
    [Theory]
    [InlineData("#BUDI#25011987#07082017")]
    [InlineData("#budi#25011987#07082017")]
    [InlineData(" # Budi # 25011987 # 07082017 \n")]
    [InlineData("#BUDI#25-01-1987#07/08/2017")]
    [InlineData("#BUDI#25.01.1987#7.8.2017")]
    [InlineData("BUDI#25011987#07082017")]
    [InlineData("#BUDI#25011987#07082017#")]
    [InlineData("＃BUDI＃25011987＃07082017")]
    public void ReadsTheArticleExampleHoweverItIsTyped(string body)
    {
        var parsed = Assert.IsType<BookingRequest>(MessageParser.Parse(body, MessageFormat.ArrivalDate));

        Assert.Equal("BUDI", parsed.Name);
        Assert.Equal(new DateOnly(1987, 1, 25), parsed.BirthDate);
        Assert.Equal(new DateOnly(2017, 8, 7), parsed.ArrivalDate);
        Assert.Null(parsed.Address);
    }

    [Theory]
    [InlineData("#Muh. Ma'ruf#01021970#07082017", "MUH. MA'RUF")]
    [InlineData("#Ni Luh   Putu Ayu Sri Rahayu Kusumawardhani#01021970#07082017", "NI LUH PUTU AYU SRI RAHAYU KUSUMAWARDHANI")]
    [InlineData("#O’Neil Siregar#01021970#07082017", "O’NEIL SIREGAR")]
    [InlineData("#José Éfendi#01021970#07082017", "JOSÉ ÉFENDI")]
    public void KeepsLongNamesWithApostrophesAndDots(string body, string expected)
    {
        var parsed = Assert.IsType<BookingRequest>(MessageParser.Parse(body, MessageFormat.ArrivalDate));

        Assert.Equal(expected, parsed.Name);
    }

    [Fact]
    public void ReadsBatamAddressFormat()
    {
        var parsed = Assert.IsType<BookingRequest>(
            MessageParser.Parse("#Siti Aminah#29021992#Jl. Engku Putri No. 3, Batam Centre", MessageFormat.AddressWithIdPhoto));

        Assert.Equal(new DateOnly(1992, 2, 29), parsed.BirthDate);
        Assert.Equal("JL. ENGKU PUTRI NO. 3, BATAM CENTRE", parsed.Address);
        Assert.Null(parsed.ArrivalDate);
    }

    [Theory]
    [InlineData("#BUDI#25011987", ParseProblem.WrongFieldCount, 2)]
    [InlineData("#BUDI#25011987#07082017#JAKARTA", ParseProblem.WrongFieldCount, 4)]
    [InlineData("##25011987#07082017", ParseProblem.NameMissing, 0)]
    [InlineData("#BUDI123#25011987#07082017", ParseProblem.NameInvalid, 0)]
    [InlineData("#B#25011987#07082017", ParseProblem.NameInvalid, 0)]
    [InlineData("#<script>#25011987#07082017", ParseProblem.NameInvalid, 0)]
    [InlineData("#مرحبا#25011987#07082017", ParseProblem.NameOtherScript, 0)]
    [InlineData("#БОРИС#25011987#07082017", ParseProblem.NameOtherScript, 0)]
    [InlineData("#BUDI\u202E#25011987#07082017", ParseProblem.NameInvalid, 0)]
    [InlineData("#BUDI#1987-01-25#07082017", ParseProblem.BirthDateInvalid, 0)]
    [InlineData("#BUDI#2501198#07082017", ParseProblem.BirthDateInvalid, 0)]
    [InlineData("#BUDI#31021987#07082017", ParseProblem.BirthDateNotACalendarDay, 0)]
    [InlineData("#BUDI#29022023#07082017", ParseProblem.BirthDateNotACalendarDay, 0)]
    [InlineData("#BUDI#25011987#besok", ParseProblem.ArrivalDateInvalid, 0)]
    [InlineData("#BUDI#25011987#32082017", ParseProblem.ArrivalDateNotACalendarDay, 0)]
    [InlineData("#BUDI#25-01/1987#07082017", ParseProblem.BirthDateInvalid, 0)]
    [InlineData("#BUDI#٢٥٠١١٩٨٧#07082017", ParseProblem.BirthDateInvalid, 0)]
    public void NamesTheFieldThatIsWrong(string body, ParseProblem problem, int fields)
    {
        var parsed = Assert.IsType<MalformedMessage>(MessageParser.Parse(body, MessageFormat.ArrivalDate));

        Assert.Equal(problem, parsed.Problem);
        Assert.Equal(fields, parsed.FieldCount);
    }

    [Theory]
    [InlineData("#SITI#01011990#Jl")]
    [InlineData("#SITI#01011990#12345")]
    public void RejectsAnAddressThatIsNoAddress(string body)
    {
        var parsed = Assert.IsType<MalformedMessage>(MessageParser.Parse(body, MessageFormat.AddressWithIdPhoto));

        Assert.Equal(ParseProblem.AddressInvalid, parsed.Problem);
    }

    [Fact]
    public void RejectsAnOversizedMessage()
    {
        var parsed = Assert.IsType<MalformedMessage>(MessageParser.Parse("#" + new string('A', 100_000), MessageFormat.ArrivalDate));

        Assert.Equal(ParseProblem.TooLong, parsed.Problem);
    }

    [Theory]
    [InlineData("CEK", Command.Status)]
    [InlineData("status", Command.Status)]
    [InlineData("Syarat", Command.Documents)]
    [InlineData("BANTUAN", Command.Help)]
    [InlineData("help!", Command.Help)]
    [InlineData("batal BGR-7K3M9QX2", Command.Cancel)]
    [InlineData("HILANG", Command.LostOrDamaged)]
    [InlineData("rusak", Command.LostOrDamaged)]
    [InlineData("#CEK", Command.Status)]
    [InlineData("halo, mau daftar paspor", Command.Help)]
    [InlineData("", Command.Help)]
    [InlineData(null, Command.Help)]
    [InlineData("🙂🙂", Command.Help)]
    public void ReadsCommandsAndAnswersOtherTextWithHelp(string? body, Command expected)
    {
        var parsed = Assert.IsType<CommandMessage>(MessageParser.Parse(body, MessageFormat.ArrivalDate));

        Assert.Equal(expected, parsed.Command);
    }

    [Theory]
    [InlineData("Muh. Ma'ruf", "MUH MARUF")]
    [InlineData("MUH MARUF", "MUH MARUF")]
    [InlineData("  muh.ma’ruf ", "MUH MARUF")]
    [InlineData("Budi  Santoso", "BUDI SANTOSO")]
    public void GivesOnePersonOneNameKey(string name, string key) => Assert.Equal(key, MessageParser.NameKey(name));
}
