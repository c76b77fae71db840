namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>A full-page screenshot of every page the journeys look at, numbered in order and attached to the test</summary>
public sealed class Screens
{
    private readonly string _directory;
    private int _sequence;

    public Screens(string directory)
    {
        _directory = Environment.GetEnvironmentVariable("REALHOST_SCREENS_DIR") ?? directory;
        Directory.CreateDirectory(_directory);
    }

    public async Task TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(_directory, $"{Interlocked.Increment(ref _sequence):000}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
