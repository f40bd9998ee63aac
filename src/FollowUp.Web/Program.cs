using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddFollowUpLogging()
    .AddFollowUpClock()
    .AddFollowUpData()
    .AddFollowUpIdentity()
    .AddFollowUpSecurity()
    .AddFollowUpDataExport()
    .AddFollowUpBackups()
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
// Security first: its headers then cover every response.
app.UseFollowUpSecurity();
app.UseFollowUpDataExport();
app.SecureFollowUpBackups();
app.UseFollowUpPipeline();
app.MapFollowUpEndpoints();
app.MapFollowUpReminders();
app.MapFollowUpOperations();
app.MapFollowUpJobsDashboard();

app.Run();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
