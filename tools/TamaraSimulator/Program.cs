using TamaraSimulator;

try
{
    var app = SimulatorApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (NonLoopbackBindingException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
