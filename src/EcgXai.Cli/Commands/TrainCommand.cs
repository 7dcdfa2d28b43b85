using System.CommandLine;
using EcgXai.Training;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai train</c>: trains a ResNet1d on labels.</summary>
public sealed class TrainCommand : Verb<TrainingJob>
{
    private readonly TrainingOptionSet training = new();

    /// <summary>Declares the options.</summary>
    public TrainCommand()
        : base("train", "train a ResNet1d on labels (Adam, LR decay on plateau, early stopping on validation macro AUROC, resumable)",
            "ecgxai train --data ptbxl:/data/ptb-xl --out runs/teacher --preset ribeiro --epochs 30")
    {
        foreach (Option option in training.All)
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override TrainingJob Read(ParseResult parse) => training.Read(parse);

    /// <inheritdoc />
    protected override string? OutputFolder(TrainingJob options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(TrainingJob options, VerbContext context) => TrainingOptionSet.Run(options, context);
}
