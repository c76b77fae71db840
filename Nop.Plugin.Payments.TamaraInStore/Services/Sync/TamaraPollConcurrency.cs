namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>How many Tamara reads the scheduled check keeps in flight at once</summary>
public static class TamaraPollConcurrency
{
    /// <summary>The store's value; the default where it was never saved</summary>
    public static int Of(TamaraInStoreSettings settings) =>
        settings.PollConcurrency > 0 ? Math.Min(settings.PollConcurrency, TamaraInStoreDefaults.MaxPollConcurrency) : TamaraInStoreDefaults.DefaultPollConcurrency;

    /// <summary>A run serves every store: the highest value among the stores it checks</summary>
    public static int ForRun(IEnumerable<TamaraInStoreSettings> storeSettings) =>
        storeSettings.Select(Of).DefaultIfEmpty(TamaraInStoreDefaults.DefaultPollConcurrency).Max();
}
