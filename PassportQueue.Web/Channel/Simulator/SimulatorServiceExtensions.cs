namespace PassportQueue.Web.Channel.Simulator;

/// <summary>Registers the Development simulator: a chat that posts to the app's own webhook as the provider would.</summary>
public static class SimulatorServiceExtensions
{
    public static WebApplicationBuilder AddSimulator(this WebApplicationBuilder builder)
    {
        // The simulator page renders only in Development; its services are harmless elsewhere.
        builder.Services.AddHttpClient<SimulatorClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<SimulatorHistory>();
        return builder;
    }
}
