namespace TamaraSimulator;

public sealed partial class SimulatorState
{
    public IReadOnlyList<WebhookRegistration> Webhooks
    {
        get { lock (_gate) { return [.. _webhooks]; } }
    }

    public WebhookRegistration RegisterWebhook(string type, IReadOnlyList<string> events, string url,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var registration = new WebhookRegistration(Guid.NewGuid().ToString(), type, [.. events], url,
            new Dictionary<string, string>(headers ?? new Dictionary<string, string>()), Now);
        lock (_gate)
        {
            _webhooks.Add(registration);
        }

        return registration;
    }

    public WebhookRegistration? FindWebhook(string webhookId)
    {
        lock (_gate)
        {
            return _webhooks.FirstOrDefault(w => w.WebhookId == webhookId);
        }
    }

    public WebhookRegistration? UpdateWebhook(string webhookId, string type, IReadOnlyList<string> events, string url,
        IReadOnlyDictionary<string, string>? headers)
    {
        lock (_gate)
        {
            var index = _webhooks.FindIndex(w => w.WebhookId == webhookId);
            if (index < 0)
            {
                return null;
            }

            _webhooks[index] = _webhooks[index] with
            {
                Type = type,
                Events = [.. events],
                Url = url,
                Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()),
            };
            return _webhooks[index];
        }
    }

    public bool DeleteWebhook(string webhookId)
    {
        lock (_gate)
        {
            return _webhooks.RemoveAll(w => w.WebhookId == webhookId) > 0;
        }
    }

    /// <summary>Marks a phone as having passed Tamara's ID verification (any accepted SA/AE form).</summary>
    public void AddVerifiedPhone(string phone)
    {
        lock (_gate)
        {
            foreach (var form in VerifiedForms(phone))
            {
                _verifiedPhones.Add(form);
            }
        }
    }

    public bool IsIdVerified(string phone, string countryCode)
    {
        var normalized = PhoneNumbers.Normalize(phone, countryCode) ?? phone.Trim();
        lock (_gate)
        {
            return _verifiedPhones.Contains(normalized);
        }
    }

    private static IEnumerable<string> VerifiedForms(string phone)
    {
        yield return phone.Trim();
        foreach (var country in new[] { "SA", "AE" })
        {
            if (PhoneNumbers.Normalize(phone, country) is { } normalized)
            {
                yield return normalized;
            }
        }
    }
}
