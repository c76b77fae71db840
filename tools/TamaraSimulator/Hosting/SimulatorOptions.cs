namespace TamaraSimulator;

public enum DuplicateReferenceMode
{
    /// <summary>409 while an earlier session for the same order_reference_id is still <c>new</c>.</summary>
    Reject,
    /// <summary>Answer 200 with the earlier, still open session.</summary>
    ReturnExisting,
    /// <summary>Create a second session.</summary>
    Allow,
}

/// <summary>Settings of the simulator; bound from the "Simulator" configuration section when run as a program.</summary>
public sealed class SimulatorOptions
{
    public string ApiToken { get; set; } = "sim-api-token";
    public string NotificationToken { get; set; } = "sim-notification-token";
    public int SessionLifetimeMinutes { get; set; } = 15;

    /// <summary>When true, a request's expiry_time (5-1440 minutes) replaces the lifetime (Tamara enables this per merchant).</summary>
    public bool HonourRequestExpiryTime { get; set; }

    public decimal MinAmount { get; set; } = 100m;
    public decimal MaxAmount { get; set; } = 20000m;

    /// <summary>Null means <see cref="Currencies.Default"/>.</summary>
    public List<string>? SupportedCurrencies { get; set; }

    /// <summary>sum(items.total_amount) + shipping_amount - discount_amount must equal total_amount within 0.01.</summary>
    public bool EnforceAmountSum { get; set; } = true;

    public DuplicateReferenceMode DuplicateReference { get; set; } = DuplicateReferenceMode.Reject;

    public int Instalments { get; set; } = 3;

    /// <summary>Phones (any accepted form) for which id-verification-status answers true.</summary>
    public List<string>? VerifiedPhones { get; set; }

    public string MerchantId { get; set; } = "6d9f752e-0bbc-47eb-bcf7-be13adf6f04d";

    public int NotificationMaxAttempts { get; set; } = 5;
    public int NotificationRetryInitialDelayMs { get; set; } = 1000;
    public double NotificationRetryBackoffFactor { get; set; } = 2.0;
    public int NotificationTimeoutMs { get; set; } = 10000;
    public int NotificationTokenLifetimeMinutes { get; set; } = 5;

    /// <summary>Webhook URLs must point at loopback unless this is true.</summary>
    public bool AllowNonLoopbackWebhooks { get; set; }

    public int ExpirySweepIntervalMs { get; set; } = 1000;

    /// <summary>Console logging (on for the program, off for in-process hosts unless set).</summary>
    public bool? EnableConsoleLogging { get; set; }

    public FaultSettings Faults { get; set; } = new();

    /// <summary>The clock of the simulated Tamara (session expiry, timestamps, token iat/exp).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal IReadOnlyList<string> EffectiveCurrencies =>
        SupportedCurrencies is { Count: > 0 } list ? list : Currencies.Default;
}
