namespace LiveStreamX.Api.Identity.Providers;

/// <summary>A configured sign-in provider as the sign-in page shows it.</summary>
public sealed record SignInProvider(string Id, string Name);
