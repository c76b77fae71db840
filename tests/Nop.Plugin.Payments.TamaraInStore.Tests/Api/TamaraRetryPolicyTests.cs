using System.Net;
using System.Net.Http.Headers;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraRetryPolicyTests
{
    private static readonly DateTimeOffset _now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TamaraApiException Failure(HttpStatusCode? status, bool transient) =>
        new("x", status, "GET /x", isTransient: transient);

    [Test]
    public void Backoff_doubles_with_jitter_between_half_and_full()
    {
        var low = new TamaraRetryPolicy { Jitter = () => 0 };
        var high = new TamaraRetryPolicy { Jitter = () => 0.999999 };

        Assert.That(low.GetDelay(1, null), Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(low.GetDelay(2, null), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(high.GetDelay(2, null), Is.EqualTo(TimeSpan.FromMilliseconds(1000)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void Retry_after_wins_when_longer_and_is_capped()
    {
        var policy = new TamaraRetryPolicy { Jitter = () => 0, MaxDelay = TimeSpan.FromSeconds(10) };

        Assert.That(policy.GetDelay(1, TimeSpan.FromSeconds(4)), Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(policy.GetDelay(1, TimeSpan.FromMilliseconds(10)), Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(policy.GetDelay(1, TimeSpan.FromMinutes(5)), Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(policy.GetDelay(30, null), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Only_transient_failures_are_retried_and_only_up_to_max_attempts()
    {
        var policy = new TamaraRetryPolicy();

        Assert.That(policy.ShouldRetry(1, Failure(HttpStatusCode.ServiceUnavailable, true)), Is.True);
        Assert.That(policy.ShouldRetry(2, Failure(null, true)), Is.True);
        Assert.That(policy.ShouldRetry(3, Failure(HttpStatusCode.ServiceUnavailable, true)), Is.False);
        Assert.That(policy.ShouldRetry(1, Failure(HttpStatusCode.BadRequest, false)), Is.False);
    }

    [Test]
    public void Retry_after_is_read_as_seconds_or_date()
    {
        using var seconds = new HttpResponseMessage();
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        using var date = new HttpResponseMessage();
        date.Headers.RetryAfter = new RetryConditionHeaderValue(_now.AddSeconds(30));
        using var past = new HttpResponseMessage();
        past.Headers.RetryAfter = new RetryConditionHeaderValue(_now.AddSeconds(-30));
        using var none = new HttpResponseMessage();
        using var garbage = new HttpResponseMessage();
        garbage.Headers.TryAddWithoutValidation("Retry-After", "soon");

        Assert.That(TamaraRetryPolicy.ReadRetryAfter(seconds.Headers, _now), Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(TamaraRetryPolicy.ReadRetryAfter(date.Headers, _now), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(TamaraRetryPolicy.ReadRetryAfter(past.Headers, _now), Is.EqualTo(TimeSpan.Zero));
        Assert.That(TamaraRetryPolicy.ReadRetryAfter(none.Headers, _now), Is.Null);
        Assert.That(TamaraRetryPolicy.ReadRetryAfter(garbage.Headers, _now), Is.Null);
    }
}
