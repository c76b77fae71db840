namespace TamaraSimulator;

/// <summary>How the simulator answers the payment-options pre-check, changed under /_sim/pre-check</summary>
public enum PreCheckMode
{
    /// <summary>Plans within the amount limits, none outside them</summary>
    Offer,
    /// <summary>No plan for anyone</summary>
    Refuse,
    /// <summary>No answer until the caller gives up (or <see cref="PreCheckSwitch.HangFor"/> passes)</summary>
    Hang,
}

/// <summary>The pre-check's control switch: one per simulator</summary>
public sealed class PreCheckSwitch
{
    public PreCheckMode Mode { get; set; } = PreCheckMode.Offer;

    /// <summary>How long a hanging pre-check waits before it answers after all</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pre-check requests received, valid or not</summary>
    public int Received;
}
