using FollowUp.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddFollowUpLogging()
    .AddFollowUpClock()
    .AddFollowUpData()
    .AddFollowUpIdentity()
    .AddFollowUpSecurity()
    .AddFollowUpLocalization()
    .AddFollowUpFeatures()
    .AddFollowUpUi();

var app = builder.Build();

app.MigrateFollowUpDatabase();
app.UseFollowUpSecurity();
app.UseFollowUpPipeline();
app.MapFollowUpEndpoints();

app.Run();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
