using LiveStreamX.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveStreamX();

var app = builder.Build();
app.MapLiveStreamX();
app.Run();

/// <summary>The entry point, public for <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
