namespace FollowUp.Web.Features.DataExport;

/// <summary>Registers export and import of one's own data: the services, the upload limit and the download endpoints.</summary>
public static class DataExportSetup
{
    public static WebApplicationBuilder AddFollowUpDataExport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DataExporter>();
        builder.Services.AddScoped<CsvExporter>();
        builder.Services.AddScoped<DataImporter>();
        return builder;
    }

    /// <summary>Call early: an over-size import is refused before anything reads its body.</summary>
    public static WebApplication UseFollowUpDataExport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseImportUploadLimit();
        app.MapDataExport();
        return app;
    }
}
