namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>What a scan or a typed term did: one added, a list to choose from, or nopCommerce's reasons for adding nothing</summary>
public sealed record TamaraCounterAddResult(bool Added, TamaraCounterProductMatch Match, IList<TamaraCounterProductMatch> Choices, IList<string> Warnings)
{
    public static TamaraCounterAddResult AddedOne(TamaraCounterProductMatch match) => new(true, match, [], []);

    public static TamaraCounterAddResult Choose(IList<TamaraCounterProductMatch> choices) => new(false, null, choices, []);

    public static TamaraCounterAddResult NotAdded(IList<string> warnings) => new(false, null, [], warnings);
}
