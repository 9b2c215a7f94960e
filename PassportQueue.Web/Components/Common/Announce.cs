using MudBlazor;

namespace PassportQueue.Web.Components.Common;

/// <summary>How a message on screen is announced to screen readers: at once for a warning or an error (<c>role="alert"</c>), politely for the rest (<c>role="status"</c>).</summary>
public static class Announce
{
    public static string Role(Severity severity) => severity is Severity.Error or Severity.Warning ? "alert" : "status";
}
