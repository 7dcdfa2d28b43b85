using EcgXai.Cli;

NativeHeap.KeepLargeBlocks();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C cancels through the library's CancellationToken (finished outputs stay valid);
    // a second one ends the process at once.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        Console.Error.WriteLine("ecgxai: cancelling (Ctrl-C again to stop at once)");
        cancellation.Cancel();
    }
};
return EcgXaiCli.Run(args, new CliEnvironment(Console.Out, Console.Error, !Console.IsErrorRedirected), cancellation.Token);
