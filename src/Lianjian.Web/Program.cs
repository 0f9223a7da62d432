using Lianjian.Web;
using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Alliances;
using Lianjian.Web.Modules.Audit;
using Lianjian.Web.Modules.Open311;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.Statistics;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Platform;
using Lianjian.Web.Platform.Cli;
using Lianjian.Web.Ui;

var builder = WebApplication.CreateBuilder(args);
builder.AddLianjianPlatform();
builder.Services
    .AddAccountsModule()
    .AddOrganizationsModule()
    .AddPeopleModule()
    .AddAlliancesModule()
    .AddAuditModule()
    .AddWorkOrdersModule()
    .AddOpen311Module()
    .AddStatisticsModule()
    .AddLianjianUi()
    .AddSchedules();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args) is { } exitCode) return exitCode;
await app.PrepareDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapLianjianPlatform();
app.MapAccountsModule();
app.MapOrganizationsModule();
app.MapPeopleModule();
app.MapAlliancesModule();
app.MapAuditModule();
app.MapWorkOrdersModule();
app.MapOpen311Module();
app.MapStatisticsModule();
app.MapLianjianUi();
app.Run();
return 0;

public partial class Program;
