using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Actors;

/// <summary>
/// Keeps the Actors table right as articles are written, re-parsed and removed. Each article's contribution to an
/// actor is its own row beside the actor's row, in the actor's partition; changing a contribution and the actor's
/// totals is one transaction, conditional on the actor row's ETag, so articles mentioning the same actor at once
/// never lose or double a count (the loser reads again and retries), and a re-parse subtracts exactly what the
/// article had added. An article's listing names the actors it contributes to, written before them, so a parse that
/// dies half-way is put right by the next.
/// </summary>
public sealed class ActorRegistry(StorageClients storage, ActorAliases aliases, TimeProvider time)
{
    /// <summary>Actors updated at once: each is a few round trips on its own partition.</summary>
    private const int ParallelActors = 8;

    /// <summary>Tries per actor against concurrent writers before giving up (the parse is retried as a whole).</summary>
    private const int MaxAttempts = 50;

    /// <summary>An actor keeps this many aliases at most: its row stays small, and its alias rows bounded.</summary>
    private const int MaxAliases = 100;

    /// <summary>Makes the article's contributions exactly these: adds, replaces, and subtracts what it no longer has.</summary>
    /// <param name="firstWrite">The article never wrote anything, so it has no listing to read (see <see cref="EventWriter"/>).</param>
    public async Task SetArticleAsync(string articleKey, IEnumerable<ActorContribution> contributions, bool firstWrite, CancellationToken cancellationToken)
    {
        var current = contributions.ToDictionary(contribution => contribution.Actor.Id, StringComparer.Ordinal);
        var listing = ActorKeys.ArticlePartition(articleKey);
        var previous = firstWrite ? [] : await ListedAsync(listing, cancellationToken);
        await TableTransactions.SubmitAsync(
            storage.ActorsTable,
            current.Keys.Except(previous).Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(listing, id))),
            cancellationToken);
        await Parallel.ForEachAsync(
            previous.Union(current.Keys),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelActors, CancellationToken = cancellationToken },
            async (id, token) => await ApplyAsync(id, articleKey, current.GetValueOrDefault(id), token));
        await TableTransactions.DeleteAsync(storage.ActorsTable, previous.Except(current.Keys).Select(id => (listing, id)), cancellationToken);
    }

    /// <summary>Subtracts everything the article contributed: for an article that is deleted, or no longer readable.</summary>
    public Task RemoveArticleAsync(string articleKey, CancellationToken cancellationToken) =>
        SetArticleAsync(articleKey, [], firstWrite: false, cancellationToken);

    private async Task<HashSet<string>> ListedAsync(string listing, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.ActorsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {listing}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    /// <summary>Replaces one article's contribution to one actor (none: removes it), with the actor's totals, in one conditional transaction.</summary>
    private async Task ApplyAsync(string id, string articleKey, ActorContribution? contribution, CancellationToken cancellationToken)
    {
        var contributionRow = ActorKeys.ContributionRow(articleKey);
        var names = contribution is null ? [] : aliases.Of(contribution.Actor, contribution.Titles);
        for (var attempt = 1; ; attempt++)
        {
            var (actor, old) = await ReadAsync(id, contributionRow, cancellationToken);
            if (actor is null && old is null && contribution is null)
            {
                return;
            }

            var known = actor is null ? [] : ActorKeys.FromEntity(actor).Aliases;
            var added = names.ExceptBy(known.Select(ActorIdentity.Normalize), ActorIdentity.Normalize, StringComparer.Ordinal).Take(Math.Max(0, MaxAliases - known.Count)).ToList();
            if (added.Count == 0 && old is not null && contribution is not null
                && old.GetInt32("Count") == contribution.Count && old.GetString("FirstDate") == contribution.FirstDate && old.GetString("LastDate") == contribution.LastDate)
            {
                return;
            }

            // The alias index first: should this transaction not happen, the next attempt finds the aliases missing from the actor row and writes them again.
            await IndexAliasesAsync(id, added, cancellationToken);
            var actions = new List<TableTransactionAction>(2);
            if (contribution is not null)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(id, contributionRow)
                {
                    ["Count"] = contribution.Count,
                    ["FirstDate"] = contribution.FirstDate,
                    ["LastDate"] = contribution.LastDate,
                }));
            }
            else if (old is not null)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, contributionRow) { ETag = ETag.All }));
            }

            var totals = await TotalsAsync(id, actor, old, contribution, cancellationToken);
            var row = actor is null ? NewActorRow(id, contribution!) : new TableEntity(actor) { ETag = actor.ETag };
            row["Count"] = totals.Count;
            row["FirstDate"] = totals.First;
            row["LastDate"] = totals.Last;
            row["Aliases"] = JsonSerializer.Serialize(known.Concat(added));
            actions.Add(actor is null ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, actor.ETag));
            try
            {
                await storage.ActorsTable.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another article changed the actor (or created it) since it was read: read again and redo the sums,
                // after a short random pause so that writers racing for a popular actor spread out.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * Math.Min(attempt, 10))), time, cancellationToken);
            }
        }
    }

    /// <summary>The actor's row and this article's contribution row, in one query of the actor's partition.</summary>
    private async Task<(TableEntity? Actor, TableEntity? Contribution)> ReadAsync(string id, string contributionRow, CancellationToken cancellationToken)
    {
        TableEntity? actor = null, contribution = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and (RowKey eq {ActorKeys.ActorRow} or RowKey eq {contributionRow})");
        await foreach (var row in storage.ActorsTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == ActorKeys.ActorRow)
            {
                actor = row;
            }
            else
            {
                contribution = row;
            }
        }

        return (actor, contribution);
    }

    /// <summary>
    /// The actor's count and date span once this article's old contribution is replaced by the new one. The span
    /// widens without reading anything; only when the old contribution held an end of it are the other
    /// contributions read to find the new ends.
    /// </summary>
    private async Task<(int Count, string? First, string? Last)> TotalsAsync(
        string id, TableEntity? actor, TableEntity? old, ActorContribution? contribution, CancellationToken cancellationToken)
    {
        var count = (actor?.GetInt32("Count") ?? 0) - (old?.GetInt32("Count") ?? 0) + (contribution?.Count ?? 0);
        var (first, last) = (actor?.GetString("FirstDate"), actor?.GetString("LastDate"));
        if (old is not null && (old.GetString("FirstDate") == first || old.GetString("LastDate") == last))
        {
            (first, last) = (null, null);
            var (from, to) = ActorKeys.ContributionRows;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {from} and RowKey lt {to} and RowKey ne {old.RowKey}");
            await foreach (var row in storage.ActorsTable.QueryAsync<TableEntity>(filter, select: ["FirstDate", "LastDate"], cancellationToken: cancellationToken))
            {
                (first, last) = Widen(first, last, row.GetString("FirstDate"), row.GetString("LastDate"));
            }
        }

        if (contribution is not null)
        {
            (first, last) = Widen(first, last, contribution.FirstDate, contribution.LastDate);
        }

        return count > 0 ? (count, first, last) : (0, null, null);
    }

    private static (string? First, string? Last) Widen(string? first, string? last, string? from, string? to) => (
        first is null || (from is not null && string.CompareOrdinal(from, first) < 0) ? from : first,
        last is null || (to is not null && string.CompareOrdinal(to, last) > 0) ? to : last);

    private static TableEntity NewActorRow(string id, ActorContribution contribution) => new(id, ActorKeys.ActorRow)
    {
        ["Name"] = contribution.Actor.Name,
        ["Kind"] = contribution.Actor.Kind.ToString(),
        ["CountryCode"] = contribution.Actor.CountryCode,
        ["Role"] = contribution.Actor.Role,
    };

    /// <summary>Rows that find the actor by a whole alias and by each alias's words: written once, never changed, so any writer may write them.</summary>
    private Task<int> IndexAliasesAsync(string id, IReadOnlyList<string> added, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(
            storage.ActorsTable,
            added.Select(ActorIdentity.Normalize)
                .SelectMany(alias => ActorKeys.WordSuffixes(alias).Select(ActorKeys.WordPartition).Prepend(ActorKeys.NamePartition(alias)))
                .Distinct(StringComparer.Ordinal)
                .Select(partition => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, id))),
            cancellationToken);
}
