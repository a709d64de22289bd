using Ingestion.Core.Extraction;
using Ingestion.Core.Merging;
using static Ingestion.Tests.Merging.MergeSamples;

namespace Ingestion.Tests.Merging;

public sealed class EventMatcherTests
{
    [Fact]
    public void Same_day_code_parties_and_place_are_one_event()
    {
        Assert.True(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], [Moscow]), Record("2022-02-07", "040", [Macron], [Putin], [Moscow])));
    }

    [Fact]
    public void A_day_inside_a_coarser_period_of_the_other_is_compatible()
    {
        Assert.True(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin]), Record("2022-W06", "040", [Macron], [Putin])));
        Assert.True(EventMatcher.SameEvent(Record("2022-02", "040", [Macron], [Putin]), Record("2022-02-07", "040", [Macron], [Putin])));
    }

    [Fact]
    public void A_date_only_known_to_be_before_the_publication_covers_the_days_up_to_it()
    {
        Assert.True(EventMatcher.SameEvent(Record("PAST_REF", "040", [Macron], [Putin]), Record("2022-02-07", "040", [Macron], [Putin])));
    }

    [Fact]
    public void Another_day_is_another_event()
    {
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], [Moscow]), Record("2022-02-15", "040", [Macron], [Putin], [Moscow])));
        Assert.False(EventMatcher.SameEvent(Record("2022-W06", "040", [Macron], [Putin]), Record("2022-02-15", "040", [Macron], [Putin])));
    }

    [Fact]
    public void Other_actors_are_another_event()
    {
        // Macron–Putin on 7 February and Scholz–Putin on 15 February, both in Moscow; on one day too.
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], [Moscow]), Record("2022-02-15", "040", [Scholz], [Putin], [Moscow])));
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], [Moscow]), Record("2022-02-07", "040", [Scholz], [Putin], [Moscow])));
    }

    [Fact]
    public void Meetings_are_symmetric()
    {
        Assert.True(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin]), Record("2022-02-07", "042", [Putin], [Macron])));
        Assert.True(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron, Putin]), Record("2022-02-07", "040", [Putin], [Macron])));
    }

    [Fact]
    public void Other_codes_keep_who_acts_and_who_is_acted_on()
    {
        Assert.False(EventMatcher.SameEvent(Record("2022-02-24", "190", [Russia], [Ukraine]), Record("2022-02-24", "190", [Ukraine], [Russia])));
        Assert.True(EventMatcher.SameEvent(Record("2022-02-24", "190", [Russia], [Ukraine]), Record("2022-02-24", "193", [Russia], [Ukraine])));
    }

    [Fact]
    public void An_intent_to_meet_and_the_meeting_are_one_family()
    {
        Assert.Equal(("04", true), MergeFamilies.Of("036"));
        Assert.Equal(("03", false), MergeFamilies.Of("030"));
        Assert.True(EventMatcher.SameEvent(Record("2022-02-07", "036", [Macron], [Putin], modality: Modality.Planned), Record("2022-02-07", "040", [Macron], [Putin])));
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "030", [Macron], [Putin]), Record("2022-02-07", "040", [Macron], [Putin])));
    }

    [Fact]
    public void A_denied_event_is_not_the_event()
    {
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], negated: true), Record("2022-02-07", "040", [Macron], [Putin])));
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], modality: Modality.Denied), Record("2022-02-07", "040", [Macron], [Putin])));
    }

    [Fact]
    public void Places_are_compatible_when_the_same_one_unknown_or_one_in_the_others_country()
    {
        Assert.True(EventMatcher.PlacesCompatible([Moscow], [Moscow]));
        Assert.True(EventMatcher.PlacesCompatible([], [Moscow]));
        Assert.True(EventMatcher.PlacesCompatible([Moscow], []));
        Assert.True(EventMatcher.PlacesCompatible([Moscow], [RussiaPlace]));
        Assert.True(EventMatcher.PlacesCompatible([RussiaPlace], [Kremlin]));
        Assert.False(EventMatcher.PlacesCompatible([Moscow], [Paris]));
        Assert.False(EventMatcher.SameEvent(Record("2022-02-07", "040", [Macron], [Putin], [Moscow]), Record("2022-02-07", "040", [Macron], [Putin], [Paris])));
    }

    [Fact]
    public void Only_coded_mentions_are_merged()
    {
        var uncoded = Record("2022-02-07", "040", []);
        Assert.False(EventMatcher.Mergeable(uncoded));
        Assert.False(EventMatcher.SameEvent(uncoded, uncoded));
        Assert.False(EventMatcher.Mergeable(Record("2022-02-07", "040", [new Actor("the aircraft", ActorKind.Thing)])));
    }
}
