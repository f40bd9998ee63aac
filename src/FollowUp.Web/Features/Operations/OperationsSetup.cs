using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FollowUp.Web.Features.Operations;

/// <summary>Registration of the operations helpers.</summary>
public static class OperationsSetup
{
    public static IServiceCollection AddFollowUpOperations(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<OpsOverview>();
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        return services;
    }
}
