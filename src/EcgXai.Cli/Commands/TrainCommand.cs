namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai train</c>: trains a ResNet1d on labels.</summary>
public sealed class TrainCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "train";

    /// <inheritdoc />
    public string Summary => "train a ResNet1d on labels (Adam, LR decay on plateau, early stopping, resumable)";

    /// <inheritdoc />
    public string Usage => "ecgxai train --data SPEC... --out DIR [--preset P] [--epochs N] [--batch N] [--lr X] [--seed S] [--device D]\n" + TrainingArgs.Usage;

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var job = TrainingArgs.Parse(args);
        args.EnsureAllUsed();
        return TrainingArgs.Run(job, stdout, stderr);
    }
}
