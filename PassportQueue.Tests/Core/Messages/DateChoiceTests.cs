using System.Globalization;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;

namespace PassportQueue.Tests.Core.Messages;

public sealed class DateChoiceTests
{
    [Fact]
    public void APayloadNamesTheDateAndTheRefusedMessageAndReadsBack()
    {
        var payload = DateChoice.Payload(new DateOnly(2026, 12, 7), "SM0123456789abcdef0123456789abcdef");

        Assert.Equal("TGL 07122026 SM0123456789abcdef0123456789abcdef", payload);
        Assert.True(DateChoice.TryRead(" tgl  07122026 SM0123456789abcdef0123456789abcdef ", out var date, out var id));
        Assert.Equal((new DateOnly(2026, 12, 7), "SM0123456789abcdef0123456789abcdef"), (date, id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("TGL")]
    [InlineData("TGL 07122026")]
    [InlineData("TGL 31022026 SM1")]
    [InlineData("TANGGAL 07122026 SM1")]
    [InlineData("#BUDI#25011987#07122026")]
    public void AnythingElseIsNoPayload(string body) => Assert.False(DateChoice.TryRead(body, out _, out _));

    [Theory]
    [InlineData("#Dewi Lestari#17081990#05122026", "#Dewi Lestari#17081990#07122026")]
    [InlineData("# Muh. Ma'ruf # 17-08-1990 # 05/12/2026 #\n", "# Muh. Ma'ruf # 17-08-1990 #07122026")]
    public void TheRefusedRequestIsTypedAgainWithTheChosenDateAndTheNameAsWritten(string refused, string typed) =>
        Assert.Equal(typed, DateChoice.Rewrite(refused, MessageFormat.ArrivalDate, new DateOnly(2026, 12, 7)));

    [Theory]
    [InlineData("#Dewi Lestari#17081990#Jl. Merdeka 1 Batam", MessageFormat.AddressWithIdPhoto)]
    [InlineData("CEK", MessageFormat.ArrivalDate)]
    [InlineData("#Dewi Lestari#17081990", MessageFormat.ArrivalDate)]
    public void WhatWasNoBookingRequestWithADateGivesNothing(string refused, MessageFormat format) =>
        Assert.Null(DateChoice.Rewrite(refused, format, new DateOnly(2026, 12, 7)));

    [Fact]
    public void EveryDatesTitleFitsWhatsAppsTwentyCharactersInBothLanguages()
    {
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("en") })
        {
            for (var d = new DateOnly(2026, 1, 1); d.Year == 2026; d = d.AddDays(1))
            {
                Assert.InRange(DateChoice.Title(d, culture).Length, 1, 20);
            }
        }

        Assert.Equal("Sen, 7 Des 2026", DateChoice.Title(new DateOnly(2026, 12, 7), CultureInfo.GetCultureInfo("id-ID")));
    }
}
