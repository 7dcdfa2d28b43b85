using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;

namespace EcgXai.Training;

/// <summary>
/// Everything a run needs to continue after its last completed epoch besides the weights and optimiser state:
/// the schedule, early stopping, history and whether it finished. <see cref="Setup"/> identifies the run so a
/// folder is never resumed with different data, model or options.
/// </summary>
/// <param name="Setup">Canonical description of data, model and options (maximum epoch count and device excluded).</param>
/// <param name="Epoch">Last completed epoch (0 = none).</param>
/// <param name="Schedule">Learning-rate schedule after that epoch.</param>
/// <param name="Stopping">Early-stopping state after that epoch.</param>
/// <param name="History">One record per completed epoch.</param>
/// <param name="Finished">True when early stopping ended the run.</param>
public sealed record TrainingState(string Setup, int Epoch, PlateauSchedule Schedule, EarlyStopping Stopping, IReadOnlyList<EpochRecord> History, bool Finished)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Reads the state at <paramref name="path"/>, or null when there is none.</summary>
    public static TrainingState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(path), Json)
                ?? throw new EcgXaiException(path, "empty training state");
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, "training state is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>Writes the state atomically to <paramref name="path"/>.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Json));
}
