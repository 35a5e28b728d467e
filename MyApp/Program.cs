using BaaS;
using MyApp;

#region snippet:program
var builder = WebApplication.CreateBuilder(args);
builder.AddModules(typeof(ConfigureAppHost).Assembly);
var app = builder.Build();
app.UseModules();
return await app.RunAppAsync(args);
#endregion
