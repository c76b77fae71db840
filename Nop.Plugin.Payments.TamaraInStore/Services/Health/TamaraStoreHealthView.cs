namespace Nop.Plugin.Payments.TamaraInStore.Services.Health;

/// <summary>One store's link with Tamara as the operations page shows it</summary>
public record TamaraStoreHealthView(int StoreId, DateTime? LastWebhookOnUtc, DateTime? LastPollOnUtc, TamaraHealthWarningKind Warnings);
