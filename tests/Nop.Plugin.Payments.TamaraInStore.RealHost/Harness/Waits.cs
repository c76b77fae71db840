namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

public static class Waits
{
    /// <summary>Polls until the condition holds; the ceiling is generous because CI has two busy cores</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await read();
        while (!holds(value))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"waited {timeout.TotalSeconds:0} s for {what}; last seen: {value}");
            await Task.Delay(500);
            value = await read();
        }

        return value;
    }
}
