using System.Globalization;
using Microsoft.Extensions.Localization;
using PassportQueue.Core.Audit;

namespace PassportQueue.Web.Components.Common;

/// <summary>Audit actions and stored reasons in the reader's language: a system reason from its code, a typed one as typed.</summary>
public static partial class AuditText
{
    /// <summary>An audit action, e.g. "Kode hangus".</summary>
    public static string Action(IStringLocalizer l, AuditAction action) => l[$"AuditAction_{action}"];

    /// <summary>A stored reason or flag evidence: a <see cref="SystemReason"/> rendered from its text, anything else as it was typed.</summary>
    public static string Reason(IStringLocalizer l, string? stored)
    {
        if (!SystemReason.TryRead(stored, out var reason))
        {
            return stored ?? string.Empty;
        }

        var template = l[$"Reason_{reason.Code}"].Value;
        var values = reason.Code switch
        {
            ReasonCode.FlagReason => reason.Values.Select(v => l[$"Flag_{v}"].Value).ToList(),
            // A refused sign-in says why in the reader's language; a successful one which second factor it used, if any.
            ReasonCode.SignIn => [.. reason.Values.Take(1), .. reason.Values.Skip(1).Where(v => v.Length > 0).Select(v => $"({l[$"SignIn_Detail_{v}"].Value})")],
            ReasonCode.CheckedIn => [.. reason.Values.Take(1), .. reason.Values.Skip(1).Select(v => l[$"CodeEntry_{v}"].Value)],
            ReasonCode.SettingsChanged => [.. reason.Values.Take(1).Select(v => SettingNames(l, v)), .. reason.Values.Skip(1)],
            ReasonCode.RingDecision => [.. reason.Values.Take(1), .. reason.Values.Skip(1).Take(1).Select(v => l[$"RingDecision_{v}"].Value), .. reason.Values.Skip(2)],
            _ => [.. reason.Values],
        };
        // A line written before a text gained a value still renders, with the value left empty.
        while (values.Count < 6)
        {
            values.Add(string.Empty);
        }

        return string.Format(CultureInfo.CurrentCulture, template, [.. values]);
    }

    /// <summary>
    /// A settings change as stored (<c>DailyQuota: 100 → 40; …</c>, the settings' own names) with each setting named by its
    /// label in the reader's language; a name without a label (a setting added later) stays as stored.
    /// </summary>
    private static string SettingNames(IStringLocalizer l, string changes) =>
        SettingName().Replace(changes, m => l[$"SettingName_{m.Groups[2].Value}"] is { ResourceNotFound: false } label
            ? m.Groups[1].Value + label.Value + ": "
            : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|; )([A-Z][A-Za-z]*): ")]
    private static partial System.Text.RegularExpressions.Regex SettingName();
}
