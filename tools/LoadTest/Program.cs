using LiveStreamX.LoadTest.Cli;

return await LoadTestCommand.RunAsync(args);
