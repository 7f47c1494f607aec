using JepBot.Bot;
using JepBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddJepBot(builder.Configuration, builder.Environment);

var app = builder.Build();
app.LogAccessMode();
await app.OpenStateStoreAsync();
app.MapMessagesEndpoint();
app.MapHealthEndpoint();
app.Run();

/// <summary>Visible to the host tests (WebApplicationFactory).</summary>
public partial class Program;
