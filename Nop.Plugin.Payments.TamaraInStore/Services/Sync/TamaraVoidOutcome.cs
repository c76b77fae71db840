namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

public enum TamaraVoidOutcome
{
    Voided,

    /// <summary>The session is no longer pending here (paid, closed or needing attention)</summary>
    NotPending,

    /// <summary>Tamara no longer reports the order as new, so there is nothing to void</summary>
    NotNew,

    /// <summary>Tamara answered 409: the order moved on between our read and the void</summary>
    Conflict,

    /// <summary>Another sync of the same order held the lock; try again</summary>
    Busy,

    Failed
}
