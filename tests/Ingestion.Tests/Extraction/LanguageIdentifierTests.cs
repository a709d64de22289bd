using System.Text;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Articles not in English are named by language and refused; English ones, however short, are not misjudged.</summary>
public sealed class LanguageIdentifierTests
{
    [Theory]
    [InlineData("fr", "Le président de la République a rencontré vendredi le chancelier allemand à Berlin pour discuter de la guerre en Ukraine. Selon l'Élysée, les deux dirigeants se sont mis d'accord sur une nouvelle aide militaire, mais ils n'ont pas précisé son montant.")]
    [InlineData("de", "Der französische Präsident hat am Freitag den deutschen Bundeskanzler in Berlin getroffen, um über den Krieg in der Ukraine zu sprechen. Nach Angaben der Regierung haben sich die beiden auf eine neue Militärhilfe geeinigt, die Höhe wurde aber nicht genannt.")]
    [InlineData("es", "El presidente francés se reunió el viernes con el canciller alemán en Berlín para hablar de la guerra en Ucrania. Según el gobierno, los dos líderes acordaron una nueva ayuda militar, pero no dieron a conocer su cuantía.")]
    [InlineData("it", "Il presidente francese ha incontrato venerdì il cancelliere tedesco a Berlino per discutere della guerra in Ucraina. Secondo il governo, i due leader hanno concordato un nuovo aiuto militare, ma non ne hanno reso noto l'importo.")]
    [InlineData("pt", "O presidente francês se reuniu na sexta-feira com o chanceler alemão em Berlim para discutir a guerra na Ucrânia. Segundo o governo, os dois líderes acordaram uma nova ajuda militar, mas não divulgaram o valor.")]
    [InlineData("nl", "De Franse president heeft vrijdag de Duitse bondskanselier in Berlijn ontmoet om te praten over de oorlog in Oekraïne. Volgens de regering zijn de twee leiders het eens geworden over nieuwe militaire steun, maar het bedrag werd niet genoemd.")]
    [InlineData("ru", "Президент Франции в пятницу встретился с канцлером Германии в Берлине, чтобы обсудить войну на Украине. По словам правительства, они договорились о новой военной помощи, но не назвали её размер.")]
    public void News_in_another_language_is_named(string code, string text)
    {
        Assert.Equal(code, LanguageIdentifier.Shared.Identify(text));
    }

    [Theory]
    [InlineData("Macron met Scholz in Berlin on Friday.")]
    [InlineData("Die Linke and Le Pen's Rassemblement National lost seats in Strasbourg on Sunday, officials said.")]
    [InlineData("Officials met in Geneva on Tuesday to discuss the ceasefire. The talks will resume next week.")]
    [InlineData("Asked about the deal, the French minister said: « Nous ne sommes pas d'accord avec cette décision », before leaving the meeting in Brussels on Monday. Diplomats said the talks would continue next week and that a vote was expected in March.")]
    public void English_news_short_or_quoting_another_language_is_english(string text)
    {
        Assert.Equal(LanguageIdentifier.English, LanguageIdentifier.Shared.Identify(text));
    }

    [Fact]
    public async Task Every_sample_and_evaluation_article_reads_as_english()
    {
        var files = Directory.GetFiles(RepositoryPaths.SampleArticles)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.EvalData, "articles")));
        var reader = new ArticleReader(TimeProvider.System);
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            var article = await reader.ReadAsync(content, new ArticleBlobInfo(Path.GetFileName(file), null, DateTimeOffset.UtcNow), CancellationToken.None);

            Assert.True(LanguageIdentifier.Shared.Identify(article.Body) == LanguageIdentifier.English, Path.GetFileName(file));
        }
    }

    [Fact]
    public async Task Article_not_in_english_fails_naming_its_language()
    {
        var text = " date 2024-03-14 Le président de la République a rencontré vendredi le chancelier allemand à Berlin. Selon l'Élysée, les deux dirigeants se sont mis d'accord sur une nouvelle aide, mais ils n'ont pas précisé son montant.";

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => new ArticleReader(TimeProvider.System).ReadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), new ArticleBlobInfo("fr.txt", null, DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.Equal("The article reads as French: language fr is not supported (events are extracted from English text only).", error.Message);
    }
}
