using PassportQueue.Core.Audit;
using PassportQueue.Web.Components.Common;
using Microsoft.AspNetCore.Components;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data;
using PassportQueue.Web.Ballot;

namespace PassportQueue.Web.Channel.Simulator;

/// <summary>Development only: a trainer or developer chats with the office through the real, signed webhook.</summary>
public sealed partial class Simulator
{
    [Inject]
    private IWebHostEnvironment Environment { get; set; } = default!;

    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    [Inject]
    private SimulatorClient Client { get; set; } = default!;

    [Inject]
    private SimulatorHistory History { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private BallotStore Ballots { get; set; } = default!;

    [Inject]
    private OutboxSender Outbox { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Localization.IStringLocalizer<DashboardText> L { get; set; } = default!;

    private string? DrawNotice { get; set; }

    private Office? SelectedOffice => AllOffices.FirstOrDefault(o => o.Settings.WhatsAppNumbers.Any(n => PhoneNumber.Parse(n).E164 == OfficeNumber));

    private List<(string Number, string Name)> OfficeNumbers { get; set; } = [];

    private string OfficeNumber { get; set; } = string.Empty;

    private string Phone { get; set; } = "081234567890";

    private string Text { get; set; } = string.Empty;

    private bool AttachPhoto { get; set; }

    private bool Sending { get; set; }

    private string? Problem { get; set; }

    private List<ChatLine> Lines { get; set; } = [];

    private IReadOnlyList<Office> AllOffices { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        if (!Environment.IsDevelopment())
        {
            return;
        }

        AllOffices = await Offices.AllAsync(CancellationToken.None);
        OfficeNumbers = [.. AllOffices.SelectMany(o => o.Settings.WhatsAppNumbers.Select(n => (PhoneNumber.Parse(n).E164, o.Settings.Name)))];
        OfficeNumber = OfficeNumbers.FirstOrDefault().Number ?? string.Empty;
        await LoadAsync();
    }

    private async Task SendAsync()
    {
        Problem = null;
        if (!PhoneNumber.TryParse(Phone, out var sender))
        {
            Problem = "Nomor pengirim tidak valid.";
            return;
        }

        Sending = true;
        try
        {
            var baseUri = new Uri(Navigation.BaseUri);
            var media = AttachPhoto ? new Uri(baseUri, "simulator/contoh-ektp.png").ToString() : null;
            var (status, reply) = await Client.SendAsync(baseUri, sender.E164, OfficeNumber, Text, media, CancellationToken.None);
            if (status != 200)
            {
                Problem = $"Webhook menjawab HTTP {status}: {reply}";
            }
            else if (reply.Length == 0)
            {
                Problem = "Tidak ada balasan (nomor sedang dibatasi karena terlalu banyak pesan).";
            }

            Text = string.Empty;
            await LoadAsync();
        }
        finally
        {
            Sending = false;
        }
    }

    /// <summary>Development only: ends the selected office's open entry period now and draws it; the notices are rendered at once.</summary>
    private async Task DrawNowAsync()
    {
        if (SelectedOffice is not { } office)
        {
            return;
        }

        var done = await Ballots.DrawNowAsync(office.Code, Clock.GetUtcNow(), Actor.Staff("simulator"), CancellationToken.None);
        while (await Outbox.SendDueAsync(CancellationToken.None) > 0)
        {
            // Each round renders up to a lease's worth of notices (held without Twilio credentials).
        }

        DrawNotice = done is null ? L["Simulator_NoOpenDraw"] : L["Simulator_Drawn", done.Entrants, done.Places, done.Winners];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var office = AllOffices.FirstOrDefault(o => o.Settings.WhatsAppNumbers.Any(n => PhoneNumber.Parse(n).E164 == OfficeNumber));
        Lines = office is not null && PhoneNumber.TryParse(Phone, out var phone)
            ? await History.ConversationAsync(office, phone.E164, CancellationToken.None)
            : [];
    }

    private string Local(DateTime utc)
    {
        var office = AllOffices.FirstOrDefault(o => o.Settings.WhatsAppNumbers.Any(n => PhoneNumber.Parse(n).E164 == OfficeNumber));
        return office is null ? utc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : OfficeTime.Time(WhatsAppText.Indonesian, office, utc);
    }
}
