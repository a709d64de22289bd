using System.Diagnostics;

namespace Ingestion.SyntaxTraining;

/// <summary>One sentence of a treebank: forms, UPOS tags, heads (0 = root, else 1-based word) and labels.</summary>
internal sealed record GoldSentence(string[] Forms, string[] Tags, int[] Heads, string[] Labels)
{
    /// <summary>No two arcs cross: the arc-eager parser can only build projective trees.</summary>
    public bool IsProjective()
    {
        for (var i = 0; i < Heads.Length; i++)
        {
            var (a, b) = Span(i);
            for (var j = 0; j < Heads.Length; j++)
            {
                var (c, d) = Span(j);
                if (a < c && c < b && b < d)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private (int, int) Span(int i) => (Math.Min(i + 1, Heads[i]), Math.Max(i + 1, Heads[i]));
}

/// <summary>Reads the EWT split from the per-document CoNLL-U sources named by not-to-release/file-lists.</summary>
internal static class Conllu
{
    /// <summary>The sentences of a split (train, dev, test), from a checkout or, through git, from a bare repository.</summary>
    public static List<GoldSentence> ReadSplit(string repository, string split)
    {
        var sentences = new List<GoldSentence>();
        foreach (var file in Read(repository, $"not-to-release/file-lists/files.{split}").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Parse(Read(repository, $"not-to-release/sources/{file}"), sentences);
        }

        return sentences;
    }

    private static string Read(string repository, string path)
    {
        var file = Path.Combine(repository, path);
        if (File.Exists(file))
        {
            return File.ReadAllText(file);
        }

        var start = new ProcessStartInfo("git", ["--git-dir", repository, "show", $"HEAD:{path}"]) { RedirectStandardOutput = true };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var text = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : throw new FileNotFoundException($"{path} is neither in {repository} nor in its git history.");
    }

    private static void Parse(string text, List<GoldSentence> sentences)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line == "\r")
            {
                Flush(rows, sentences);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.TrimEnd('\r').Split('\t');
            // Multiword token ranges (3-4) and empty nodes (8.1) are not words of the basic tree.
            if (cells.Length >= 8 && !cells[0].Contains('-', StringComparison.Ordinal) && !cells[0].Contains('.', StringComparison.Ordinal))
            {
                rows.Add(cells);
            }
        }

        Flush(rows, sentences);
    }

    private static void Flush(List<string[]> rows, List<GoldSentence> sentences)
    {
        if (rows.Count > 0)
        {
            sentences.Add(new GoldSentence(
                [.. rows.Select(r => r[1])],
                [.. rows.Select(r => r[3])],
                [.. rows.Select(r => int.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture))],
                [.. rows.Select(r => r[7])]));
            rows.Clear();
        }
    }
}
