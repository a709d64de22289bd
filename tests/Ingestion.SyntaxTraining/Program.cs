using System.Diagnostics;
using System.Globalization;
using Ingestion.Core.Extraction.Syntax;
using Ingestion.SyntaxTraining;

// dotnet run -c Release --project tests/Ingestion.SyntaxTraining -- <UD_English-EWT checkout or git dir> [--out <model>] [--epochs N] [--step S | --steps S1,S2 to compare sizes]
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: Ingestion.SyntaxTraining <UD_English-EWT checkout or git dir> [--out <model>] [--epochs N] [--step S]");
    return 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var output = Option("--out") ?? Path.Combine("functions", "Ingestion.Core", "Extraction", "Syntax", "Model", "en-ewt.model");
var epochs = int.Parse(Option("--epochs") ?? "6", CultureInfo.InvariantCulture);
var step = float.Parse(Option("--step") ?? "0.5", CultureInfo.InvariantCulture);

var clock = Stopwatch.StartNew();
var train = Conllu.ReadSplit(args[0], "train");
var test = Conllu.ReadSplit(args[0], "test");
Console.WriteLine($"read {train.Count} training and {test.Count} test sentences in {clock.Elapsed.TotalSeconds:0.0} s");

var trainer = new SyntaxTrainer(train, epochs);
var (tagger, unambiguous) = trainer.TrainTagger();
Console.WriteLine($"tagger: {tagger.FeatureCount} features, {unambiguous.Count} words with one tag ({clock.Elapsed.TotalSeconds:0} s)");
var predictedTags = trainer.JackknifeTags(folds: 3);
Console.WriteLine($"jackknifed training tags ({clock.Elapsed.TotalSeconds:0} s)");
var parser = trainer.TrainParser(predictedTags);
Console.WriteLine($"parser: {parser.FeatureCount} features ({clock.Elapsed.TotalSeconds:0} s)");
var labeler = trainer.TrainLabeler(predictedTags);
Console.WriteLine($"labeler: {labeler.FeatureCount} features ({clock.Elapsed.TotalSeconds:0} s)");

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
foreach (var s in (Option("--steps") ?? step.ToString(CultureInfo.InvariantCulture)).Split(','))
{
    step = float.Parse(s, CultureInfo.InvariantCulture);
    using (var file = File.Create(output))
    {
        SyntaxModel.Write(file, trainer.Tags, trainer.Labels, w => Write(w, tagger), unambiguous, w => Write(w, parser), w => Write(w, labeler));
    }

    Console.WriteLine($"model: step {step} {output}, {new FileInfo(output).Length / 1024.0 / 1024.0:0.00} MB ({clock.Elapsed.TotalSeconds:0} s)");
    using (var file = File.OpenRead(output))
    {
        Console.Write(SyntaxTrainer.Evaluate(SyntaxModel.Read(file), test));
    }
}

return 0;

void Write(BinaryWriter writer, AveragedPerceptron model)
{
    var (features, maxAbs) = model.Averaged();
    WeightTable.Write(writer, model.ClassCount, features, Math.Max(step, maxAbs / short.MaxValue));
}
