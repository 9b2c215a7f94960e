using PassportQueue.Core.Integrity;

namespace PassportQueue.Tests.Core.Integrity;

public sealed class IntegrityThresholdsTests
{
    private static OfficerRates Rates(string officer, int checkIns, int outOfOrder) =>
        new(officer, checkIns, 0, new Dictionary<IntegrityCheck, int> { [IntegrityCheck.OutOfSlotOrder] = outOfOrder });

    [Fact]
    public void MarksTheOnlyOfficerOfAnOfficeByTheAbsoluteThreshold()
    {
        var alone = Rates("staff:a", 20, 4);

        // With one officer the office's rate is the officer's: never twice it, but 20 % is above the 10 % threshold.
        Assert.Equal(IntegrityAlarm.AboveThreshold, new IntegrityThresholds().Of(alone, alone, IntegrityCheck.OutOfSlotOrder));
    }

    [Fact]
    public void SaysWhichThresholdFired()
    {
        var thresholds = new IntegrityThresholds { Thresholds = { [IntegrityCheck.OutOfSlotOrder] = 0.5 } };
        var office = Rates(string.Empty, 100, 5);

        Assert.Equal(IntegrityAlarm.AboveOfficeAverage, thresholds.Of(Rates("staff:a", 20, 3), office, IntegrityCheck.OutOfSlotOrder));
        Assert.Equal(IntegrityAlarm.Both, thresholds.Of(Rates("staff:b", 10, 6), office, IntegrityCheck.OutOfSlotOrder));
        Assert.Equal(IntegrityAlarm.None, thresholds.Of(Rates("staff:c", 100, 4), office, IntegrityCheck.OutOfSlotOrder));
    }

    [Fact]
    public void MarksAnyCheckInBeforeOpeningByDefault()
    {
        var officer = new OfficerRates("staff:a", 1000, 0, new Dictionary<IntegrityCheck, int> { [IntegrityCheck.BeforeOpening] = 1 });

        Assert.Equal(IntegrityAlarm.AboveThreshold, new IntegrityThresholds().Of(officer, officer, IntegrityCheck.BeforeOpening));
        Assert.Equal(IntegrityAlarm.None, new IntegrityThresholds().Of(Rates("staff:b", 1000, 0), officer, IntegrityCheck.OutOfSlotOrder));
    }
}
