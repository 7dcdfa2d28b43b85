using EcgXai.Cli.Commands;

return CommandRegistry.Run(args, Console.Out, Console.Error);
