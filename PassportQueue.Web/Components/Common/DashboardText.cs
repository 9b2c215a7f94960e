namespace PassportQueue.Web.Components.Common;

/// <summary>Marker for the dashboard's texts: <c>DashboardText.resx</c> (Indonesian, the default) and <c>DashboardText.en.resx</c>.</summary>
public sealed class DashboardText;
