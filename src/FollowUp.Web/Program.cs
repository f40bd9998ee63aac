using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddFollowUpLogging()
    .AddFollowUpClock()
    .AddFollowUpData()
    .AddFollowUpIdentity()
    .AddFollowUpTrust()
    .AddFollowUpLocalization()
    .AddFollowUpFeatures()
    .AddFollowUpReminders()
    .AddFollowUpJobs()
    .AddFollowUpUi();

var app = builder.Build();

app.MigrateFollowUpDatabase();
if (AdminCommand.Handles(args))
{
    Environment.ExitCode = await AdminCommand.RunAsync(app.Services, args, Console.Out);
    return;
}
app.UseFollowUpTrust();
app.UseFollowUpPipeline();
app.MapFollowUpEndpoints();
app.MapFollowUpReminders();
app.MapFollowUpOperations();
app.MapFollowUpJobsDashboard();

app.Run();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
