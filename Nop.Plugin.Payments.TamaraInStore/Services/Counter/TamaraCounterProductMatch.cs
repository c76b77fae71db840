using Nop.Core.Domain.Catalog;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>A product the counter may sell, with the attributes of the combination its code named (null for the product itself)</summary>
public sealed record TamaraCounterProductMatch(Product Product, string AttributesXml);
