using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

public class TamaraVoidResult
{
    public TamaraVoidOutcome Outcome { get; init; }

    public TamaraSessionState? SessionState { get; init; }

    public string TamaraStatus { get; init; }

    /// <summary>Tamara's error message (never a token) when the call failed</summary>
    public string Error { get; init; }

    public bool OrderChanged { get; init; }

    public bool Succeeded => Outcome == TamaraVoidOutcome.Voided;

    public static TamaraVoidResult Busy { get; } = new() { Outcome = TamaraVoidOutcome.Busy };
}
