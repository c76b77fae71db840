namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// The status JSON the counter page polls
/// </summary>
public record SessionStatusModel
{
    /// <summary>pending, paid, declined, expired, canceled or needsattention</summary>
    public string State { get; init; }

    /// <summary>Tamara's own status text (new, fully_captured, ...)</summary>
    public string TamaraStatus { get; init; }

    /// <summary>The state in the shopper's language</summary>
    public string Label { get; init; }

    /// <summary>No more changes are expected: the page stops polling</summary>
    public bool IsFinal { get; init; }
}
