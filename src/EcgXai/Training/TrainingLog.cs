using System.Globalization;
using System.Text;
using EcgXai.IO;

namespace EcgXai.Training;

/// <summary>The CSV training log: one row per epoch, rewritten atomically after each epoch.</summary>
public static class TrainingLog
{
    /// <summary>Writes <paramref name="epochs"/> to <paramref name="path"/> with one AUROC column per class.</summary>
    public static void Write(string path, IReadOnlyList<string> classNames, IEnumerable<EpochRecord> epochs)
    {
        var text = new StringBuilder("epoch,learning_rate,train_loss,val_loss,val_macro_auroc,");
        text.Append(string.Join(",", classNames.Select(c => "val_auroc_" + c)));
        text.Append(",seconds,samples_per_second,data_wait_share\n");
        foreach (EpochRecord e in epochs)
        {
            IEnumerable<double> values = [e.LearningRate, e.TrainLoss, e.ValidationLoss, e.ValidationMacroAuroc, .. e.ValidationAuroc, e.Seconds, e.SamplesPerSecond, e.DataWaitShare];
            text.Append(e.Epoch.ToString(CultureInfo.InvariantCulture)).Append(',');
            text.Append(string.Join(",", values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))).Append('\n');
        }
        AtomicFile.WriteText(path, text.ToString());
    }
}
