namespace EcgXai.Training;

/// <summary>
/// Paths of a run folder: <c>config.json</c> (everything needed to reproduce the run), <c>data/</c> (split lists,
/// cached teacher predictions) and <c>models/</c> (best and per-epoch checkpoints, training state and log).
/// </summary>
/// <param name="Root">The run folder.</param>
public sealed record RunFolder(string Root)
{
    /// <summary><c>config.json</c>: the run's command, data, model and options.</summary>
    public string ConfigPath => Path.Combine(Root, "config.json");

    /// <summary><c>data/</c>.</summary>
    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary><c>models/</c>.</summary>
    public string ModelsDirectory => Path.Combine(Root, "models");

    /// <summary>The model with the best validation macro AUROC, with per-class thresholds.</summary>
    public string BestModel => Path.Combine(ModelsDirectory, "best.safetensors");

    /// <summary>The CSV training log.</summary>
    public string LogPath => Path.Combine(ModelsDirectory, "train_log.csv");

    /// <summary>Training state after the last completed epoch (the resume point).</summary>
    public string StatePath => Path.Combine(ModelsDirectory, "train_state.json");

    /// <summary>Cached teacher probabilities on the training records.</summary>
    public string TeacherPredictions => Path.Combine(DataDirectory, "teacher_train.safetensors");

    /// <summary>The checkpoint after epoch <paramref name="epoch"/>.</summary>
    public string EpochModel(int epoch) => Path.Combine(ModelsDirectory, $"epoch-{epoch:D3}.safetensors");

    /// <summary>The optimiser state after epoch <paramref name="epoch"/>.</summary>
    public string EpochOptimizer(int epoch) => Path.Combine(ModelsDirectory, $"epoch-{epoch:D3}.optimizer");
}
