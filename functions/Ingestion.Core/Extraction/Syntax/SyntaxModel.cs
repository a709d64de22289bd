using System.IO.Compression;
using System.Text;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>A parsed sentence at word level: UPOS tag, head (word index, -1 for the root) and dependency label of each word.</summary>
internal sealed record ParsedWords(string[] Tags, int[] Heads, string[] Labels);

/// <summary>
/// The trained tagger, parser and labeler, read once from the embedded model (gzip: tag and label names, then three
/// sparse weight tables and the tag dictionary). See Extraction/Syntax/README.md for how it is trained and measured.
/// </summary>
internal sealed class SyntaxModel
{
    public const string ResourceName = "Ingestion.Core.Extraction.Syntax.en-ewt.model";
    private const string Magic = "ingestion-syntax-1";
    private static readonly HashSet<string> FunctionTagNames = new(StringComparer.Ordinal) { "ADP", "AUX", "PART", "SCONJ", "DET", "PRON", "CCONJ" };
    private static readonly Lazy<SyntaxModel> Embedded = new(LoadEmbedded);

    private SyntaxModel(string[] tags, string[] labels, PartOfSpeechTagger tagger, ArcEagerParser parser, ArcLabeler labeler)
    {
        Tags = tags;
        Labels = labels;
        Tagger = tagger;
        Parser = parser;
        Labeler = labeler;
    }

    /// <summary>The embedded English model, loaded on first use.</summary>
    public static SyntaxModel Shared => Embedded.Value;

    public string[] Tags { get; }

    /// <summary>The index of a tag name, or <see cref="PartOfSpeechTagger.Unknown"/>.</summary>
    public byte TagIndex(string tag) => Array.IndexOf(Tags, tag) is var i and >= 0 ? (byte)i : PartOfSpeechTagger.Unknown;

    public string[] Labels { get; }

    public PartOfSpeechTagger Tagger { get; }

    public ArcEagerParser Parser { get; }

    public ArcLabeler Labeler { get; }

    /// <summary>Tags and parses a sentence; <paramref name="known"/> holds tags decided before (or <see cref="PartOfSpeechTagger.Unknown"/>).</summary>
    public ParsedWords Parse(IReadOnlyList<string> words, byte[]? known = null)
    {
        var features = new WordFeatures(words);
        var tags = Tagger.Tag(features, known);
        var heads = Parser.Parse(features, tags);
        var labels = Labeler.Label(features, tags, heads);
        return new ParsedWords(
            Array.ConvertAll(tags, t => Tags[t]),
            Array.ConvertAll(heads, h => h - 1),
            Array.ConvertAll(labels, l => Labels[l]));
    }

    /// <summary>Which tags are closed-class words whose identity the labeler looks at.</summary>
    public static bool[] FunctionTags(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return [.. tags.Select(FunctionTagNames.Contains)];
    }

    public static SyntaxModel Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a syntax model of this version.");
        }

        var tags = ReadNames(reader);
        var labels = ReadNames(reader);
        var taggerWeights = WeightTable.Read(reader);
        var unambiguous = new Dictionary<ulong, byte>();
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            unambiguous[reader.ReadUInt64()] = reader.ReadByte();
        }

        var parserWeights = WeightTable.Read(reader);
        var labelerWeights = WeightTable.Read(reader);
        return new SyntaxModel(tags, labels, new PartOfSpeechTagger(taggerWeights, unambiguous), new ArcEagerParser(parserWeights), new ArcLabeler(labelerWeights, FunctionTags(tags)));
    }

    /// <summary>Writes a model in the format <see cref="Read"/> takes; the weight tables are written by the callbacks.</summary>
    public static void Write(
        Stream stream,
        IReadOnlyList<string> tags,
        IReadOnlyList<string> labels,
        Action<BinaryWriter> writeTagger,
        IReadOnlyDictionary<ulong, byte> unambiguous,
        Action<BinaryWriter> writeParser,
        Action<BinaryWriter> writeLabeler)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(writeTagger);
        ArgumentNullException.ThrowIfNull(unambiguous);
        ArgumentNullException.ThrowIfNull(writeParser);
        ArgumentNullException.ThrowIfNull(writeLabeler);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        WriteNames(writer, tags);
        WriteNames(writer, labels);
        writeTagger(writer);
        writer.Write(unambiguous.Count);
        foreach (var (word, tag) in unambiguous)
        {
            writer.Write(word);
            writer.Write(tag);
        }

        writeParser(writer);
        writeLabeler(writer);
    }

    private static SyntaxModel LoadEmbedded()
    {
        using var stream = typeof(SyntaxModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded syntax model '{ResourceName}' is missing.");
        return Read(stream);
    }

    private static string[] ReadNames(BinaryReader reader)
    {
        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        return names;
    }

    private static void WriteNames(BinaryWriter writer, IReadOnlyList<string> names)
    {
        writer.Write(names.Count);
        foreach (var name in names)
        {
            writer.Write(name);
        }
    }
}
