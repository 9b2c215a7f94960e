namespace PassportQueue.Web.Channel;

/// <summary>One message to send: free text inside WhatsApp's 24-hour window, else an approved template with its variables.</summary>
/// <param name="From">The office's WhatsApp number, E.164.</param>
/// <param name="To">The applicant's number, E.164.</param>
/// <param name="Body">Free text, when no template is used.</param>
/// <param name="Template">The provider's id of the approved template or interactive message (<see cref="IMessageChannel.Template"/>).</param>
/// <param name="TemplateVariables">The template's variables as JSON (<c>{"1": "...", ...}</c>).</param>
public sealed record ChannelMessage(string From, string To, string? Body, string? Template, string? TemplateVariables);
