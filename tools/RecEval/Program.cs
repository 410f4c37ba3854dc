using LiveStreamX.RecEval.Cli;

return RecEvalCommand.Run(args, Console.Out, Console.Error);
