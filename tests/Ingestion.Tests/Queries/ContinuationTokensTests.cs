using Ingestion.Core.Queries;

namespace Ingestion.Tests.Queries;

public class ContinuationTokensTests
{
    [Fact]
    public void Token_round_trips_for_its_own_query()
    {
        var token = ContinuationTokens.Create("events|2022-02-05|2022-02-07", "1!16!MjAyMi0wMi0wNg--");

        Assert.Equal("1!16!MjAyMi0wMi0wNg--", ContinuationTokens.TryRead(token, "events|2022-02-05|2022-02-07"));
    }

    [Fact]
    public void Token_from_another_query_is_refused()
    {
        var token = ContinuationTokens.Create("events|2022-02-05|2022-02-07", "next");

        Assert.Null(ContinuationTokens.TryRead(token, "events|2000-01-01|2022-02-07"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("eyJWIjoxLCJRIjoiYSIsIlQiOiJ4In0")]
    public void Malformed_token_is_refused(string token)
    {
        Assert.Null(ContinuationTokens.TryRead(token, "events|2022-02-05|2022-02-07"));
    }

    [Fact]
    public void Every_single_character_change_is_refused()
    {
        var token = ContinuationTokens.Create("q", "next-position");

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(ContinuationTokens.TryRead(changed, "q"));
        }
    }
}
