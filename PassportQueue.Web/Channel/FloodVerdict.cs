namespace PassportQueue.Web.Channel;

/// <summary>What the flood guard says about one message.</summary>
public enum FloodVerdict
{
    /// <summary>Within the rate: handle it.</summary>
    Allowed = 0,

    /// <summary>The first message over the rate: answer once, flag the number.</summary>
    Throttle = 1,

    /// <summary>Still over the rate: no answer.</summary>
    Ignore = 2,
}
