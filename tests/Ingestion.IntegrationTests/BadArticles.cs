using System.Text;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>A file dropped into the container, and what its Articles row must end up saying.</summary>
internal sealed record Drop(string Name, byte[] Content, ArticleStatus Status, string Reason)
{
    public static Drop Good(string name, string text = " date 2024-03-14 Officials met in Geneva on Tuesday to discuss the ceasefire.") =>
        new(name, Encoding.UTF8.GetBytes(text), ArticleStatus.Processed, string.Empty);

    public static Drop Bad(string name, string text, string reason) => new(name, Encoding.UTF8.GetBytes(text), ArticleStatus.Failed, reason);

    public static Drop Bad(string name, byte[] content, string reason) => new(name, content, ArticleStatus.Failed, reason);
}

/// <summary>Every kind of bad input the pipeline must turn into a failed row with a reason, and awkward but good ones.</summary>
internal static class BadArticles
{
    /// <summary>The size limit the batch host runs with, so an oversized file stays cheap to upload.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>A file just over <see cref="MaxBytes"/>, for a host running with that limit.</summary>
    public static Drop Oversized() => Drop.Bad("bad/oversized.txt", new byte[MaxBytes + 1], "articles are limited to 1 MB");

    /// <summary>
    /// Issue 15's file: 10 MB of one clause repeated, under the default size limit. Read whole it would yield 250,000
    /// events and a million index rows; the event limit refuses it from its first segment.
    /// </summary>
    public static Drop Pathological() => Drop.Bad(
        "bad/pathological.txt",
        " date 2022-02-06 " + string.Concat(Enumerable.Repeat("Macron met Scholz in Berlin on Friday and ", 250_000)),
        "events (setting Ingestion:MaxEventsPerArticle)");

    public static IReadOnlyList<Drop> Batch()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        return
        [
            Drop.Bad("bad/empty.txt", string.Empty, "The article is empty"),
            Drop.Bad("bad/whitespace.txt", " \n\t \r\n ", "The article is empty"),
            Drop.Bad("bad/image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "The file is a PNG image, not text."),
            Drop.Bad("bad/archive.zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], "The file is a ZIP archive, not text."),
            Drop.Bad("bad/random.bin", random, "The file is not valid UTF-8 text"),
            Drop.Bad("bad/latin1.txt", [.. " date 2022-02-06 Caf"u8, 0xE9, .. " au lait."u8], "not valid UTF-8 text"),
            Drop.Bad("bad/feb30.txt", " date 2022-02-30 Troops attacked the town.", "The header date '2022-02-30' is not a valid date"),
            Drop.Bad("bad/malformed-date.txt", " date 2022-2-6 Troops attacked the town.", "The header date '2022-2-6' is not a valid date"),
            Drop.Bad("bad/future.txt", " date 2999-01-01 Troops attacked the town.", "The publication date 2999-01-01 is in the future."),
            Drop.Bad("bad/header-only.txt", " date 2022-02-06 \n", "The article has no body text"),
            Drop.Bad("bad/truncated.json", "{\"published\": \"2022-02-06\", \"body\": \"Troops att", "The file starts like JSON but is not valid JSON"),
            Drop.Bad("bad/nested.json", "{\"body\": \"B.\", \"x\": " + new string('[', 100) + new string(']', 100) + "}", "The file starts like JSON but is not valid JSON"),
            Drop.Bad("bad/wrong-type.json", "{\"published\": \"2022-02-06\", \"body\": [\"Troops attacked.\"]}", "The JSON field 'body' must be a string, not array."),
            Drop.Bad("bad/no-body.json", "{\"published\": \"2022-02-06\", \"title\": \"T\"}", "The JSON article has no 'body' field."),
            Drop.Bad("bad/french.txt", " date 2024-03-14 Le président de la République a rencontré vendredi le chancelier allemand à Berlin. Selon l'Élysée, les deux dirigeants se sont mis d'accord sur une nouvelle aide.", "language fr is not supported"),
            Drop.Bad("bad/menu-only.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "The web page has no readable article text"),
            Drop.Good("good/page.html", "<html><head><meta name='pubdate' content='2024-03-14'></head><body><article><p>Officials met in Geneva on Tuesday to discuss the ceasefire, the Swiss foreign ministry said.</p></article></body></html>"),
            Drop.Good("good/utf16.txt", " date 2024-03-14 Officials met in Zürich on Tuesday.") with
            {
                Content = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(" date 2024-03-14 Officials met in Zürich on Tuesday.")],
            },
            Drop.Good("good/mixed-endings.txt", "date 2024-03-14\r\nOfficials met in Geneva on Tuesday.\rTroops attacked the town.\nTalks resumed."),
            Drop.Good("good/control-characters.txt", " date 2024-03-14 Officials\u0007 met in\u001B Geneva on Tuesday."),
            Drop.Good("good/huge-string.json", $"{{\"published\": \"2024-03-14\", \"body\": \"Officials met in Geneva on Tuesday. {new string('x', 200_000)}\"}}"),
            Drop.Bad("bad/long-sentence.txt", " date 2024-03-14 " + string.Concat(Enumerable.Repeat("officials met in Geneva and talked, ", 2_000)), "events (setting Ingestion:MaxEvents"),
            Drop.Good("good/with spaces in the name.txt"),
            Drop.Good("good/Zürich – 東京 🌍.txt"),
            Drop.Good("good/quotes ' \" and 100% & a+b #1 ?.txt"),
            Drop.Good("good/odata ' or PartitionKey ne '.txt"),
            Drop.Good("good/..double..dots...txt"),
            Drop.Good("good/" + new string('n', 1024 - "good/".Length - ".txt".Length) + ".txt"),
        ];
    }
}
