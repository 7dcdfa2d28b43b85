using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>
/// The <c>train</c> / <c>distill</c> entry point: prepares each spec's <c>@train</c> and <c>@val</c> splits for the
/// model's input, writes <c>config.json</c>, computes (or reuses) the teacher's cached predictions when distilling,
/// and runs <see cref="Trainer.Fit"/> in the run folder. Everything that can be refused (options, the teacher, the
/// data, a run folder holding another run) is refused before anything in the run folder is written.
/// </summary>
public static class TrainingPipeline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Runs <paramref name="job"/>; an unfinished run in its folder is resumed.</summary>
    public static TrainingResult Run(TrainingJob job, IProgress<TrainingProgress>? progress = null, IProgress<DatasetProgress>? dataProgress = null, CancellationToken cancellation = default)
    {
        if (job.DataSpecs.Count == 0)
        {
            throw new ArgumentException("name at least one training dataset (--data SPEC)");
        }
        foreach (string spec in job.DataSpecs)
        {
            if (DatasetSpec.Parse(spec).Split is not null)
            {
                throw new EcgXaiException(spec, "give the dataset without a split: training uses its @train split and validates on its @val split");
            }
        }
        job.Teacher?.Distillation.Validate();
        ResNet1dConfig config = job.HighPassHz is null ? job.Model : job.Model with { HighPassHz = job.HighPassHz };
        config.Validate();
        job.Options.Validate(config.ClassNames);
        var run = new RunFolder(job.OutDirectory);
        if (job.RecordLength is { } recordLength && recordLength < config.InputLength)
        {
            throw new ArgumentException($"the record length ({recordLength} samples) must be at least the model's input length ({config.InputLength})");
        }
        PreprocessOptions preprocess = config.Preprocessing(job.RecordLength) with { MissingLeads = job.MissingLeads };
        Device device = TorchDevice.Resolve(job.Options.Device);
        using ITeacher? teacher = job.Teacher is { } t ? LoadTeacher(t, preprocess, device) : null;
        double? teacherRate = job.Teacher is { } rated && teacher is not null ? rated.SampleRate ?? TeacherRate(teacher) : null;
        DatasetPreparer.Check(job.DataSpecs.Select(spec => $"{spec}@train"), preprocess, config.ClassNames);
        using PreparedDataset train = Prepare(job, "train", preprocess, dataProgress);
        using PreparedDataset validation = Prepare(job, "val", preprocess, dataProgress);
        var setup = new TrainingSetup(config, train, validation, run.Root, job.Options, job.DataSpecs,
            job.Teacher is { } described ? new TeacherTargets(Path.GetFullPath(described.Path), [], described.Distillation) : null);
        Trainer.CheckResumable(setup);

        Directory.CreateDirectory(run.Root);
        AtomicFile.WriteText(run.ConfigPath, Describe(job) + "\n");
        foreach (string spec in job.DataSpecs)
        {
            DatasetIndex.Load(DatasetSpec.Parse(spec), preprocess.SampleRate).WriteSplits(run.Root);
        }
        SkippedRecordsFile.Write(Path.Combine(run.DataDirectory, "skipped.csv"), [(train.Name, train.SkippedRecords), (validation.Name, validation.SkippedRecords)]);
        if (job.Teacher is { } teacherJob && teacher is not null)
        {
            setup = setup with { Teacher = Teach(job, teacher, teacherRate!.Value, train, preprocess, run, device, dataProgress, cancellation) };
        }
        return Trainer.Fit(setup, progress, cancellation);
    }

    private static PreparedDataset Prepare(TrainingJob job, string split, PreprocessOptions preprocess, IProgress<DatasetProgress>? progress)
    {
        var parts = job.DataSpecs
            .Select(spec => DatasetPreparer.Prepare($"{spec}@{split}", preprocess, job.Model.ClassNames, job.CacheDirectory, null, progress))
            .ToList();
        return parts.Count == 1 ? parts[0] : new ConcatenatedDataset(parts);
    }

    /// <summary>Loads the teacher and checks that it fits the student's input, before any data is prepared.</summary>
    private static ITeacher LoadTeacher(TeacherJob teacherJob, PreprocessOptions studentInput, Device device)
    {
        if (!File.Exists(teacherJob.Path))
        {
            throw new EcgXaiException(teacherJob.Path, "teacher model not found");
        }
        ITeacher teacher = TeacherLoader.Load(teacherJob.Path, teacherJob.Options with { Device = device });
        if (teacher.LeadCount != studentInput.Leads.Count)
        {
            teacher.Dispose();
            throw new EcgXaiException(teacherJob.Path, $"the teacher takes {teacher.LeadCount} leads, the student {studentInput.Leads.Count} ({string.Join(",", studentInput.Leads)})");
        }
        if (teacher.LeadNames is { } leads && !leads.Select(LeadNames.Normalize).SequenceEqual(studentInput.Leads.Select(LeadNames.Normalize)))
        {
            teacher.Dispose();
            throw new EcgXaiException(teacherJob.Path,
                $"the teacher takes leads {string.Join(",", leads)}, the student {string.Join(",", studentInput.Leads)}: the student must see the teacher's leads in its order (--leads)");
        }
        return teacher;
    }

    private static TeacherTargets Teach(TrainingJob job, ITeacher teacher, double teacherRate, PreparedDataset train, PreprocessOptions studentInput, RunFolder run,
        Device device, IProgress<DatasetProgress>? dataProgress, CancellationToken cancellation)
    {
        TeacherJob teacherJob = job.Teacher!;
        var teacherInput = studentInput with
        {
            SampleRate = teacherRate,
            Length = teacher.InputLength ?? studentInput.Length,
            HighPassHz = teacher is CheckpointTeacher checkpoint ? checkpoint.HighPassHz : studentInput.HighPassHz,
        };
        float[] probabilities;
        if (teacherInput == studentInput)
        {
            probabilities = TeacherPredictions.LoadOrCompute(run.TeacherPredictions, teacher, job.Model.ClassNames, train, job.Options.BatchSize, device, cancellation);
        }
        else
        {
            using PreparedDataset teacherData = Prepare(job, "train", teacherInput, dataProgress);
            if (!teacherData.RecordIds.SequenceEqual(train.RecordIds))
            {
                throw new EcgXaiException(teacherJob.Path, $"preparing the training records at the teacher's {teacherInput.SampleRate} Hz x {teacherInput.Length} kept other records than at the student's input; cannot pair predictions with records");
            }
            probabilities = TeacherPredictions.LoadOrCompute(run.TeacherPredictions, teacher, job.Model.ClassNames, teacherData, job.Options.BatchSize, device, cancellation);
        }
        return new TeacherTargets(Path.GetFullPath(teacherJob.Path), probabilities, teacherJob.Distillation);
    }

    private static double TeacherRate(ITeacher teacher) => teacher is CheckpointTeacher checkpoint ? checkpoint.SampleRate
        : throw new EcgXaiException(teacher.Source, "an ONNX teacher needs its input sampling rate (--teacher-rate HZ)");

    private static string Describe(TrainingJob job) => JsonSerializer.Serialize(new
    {
        command = job.Teacher is null ? "train" : "distill",
        data = job.DataSpecs,
        model = job.Model,
        options = job.Options,
        high_pass_hz = job.HighPassHz,
        record_length = job.RecordLength,
        missing_leads = job.MissingLeads.ToString().ToLowerInvariant(),
        teacher = job.Teacher is { } t
            ? new
            {
                path = Path.GetFullPath(t.Path),
                output = t.Options.Output.ToString(),
                classes = t.Options.ClassNames,
                onnx_output = t.Options.OutputName,
                sample_rate = t.SampleRate,
                alpha = t.Distillation.Alpha,
                temperature = t.Distillation.Temperature,
            }
            : null,
    }, Json);
}
