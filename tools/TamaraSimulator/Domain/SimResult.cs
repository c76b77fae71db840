namespace TamaraSimulator;

public sealed record SimError(int StatusCode, string ErrorCode, string Message);

public sealed class SimResult<T>
{
    private SimResult(T? value, SimError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public SimError? Error { get; }
    public bool IsSuccess => Error is null;

    public static SimResult<T> Ok(T value) => new(value, null);
    public static SimResult<T> Fail(int status, string code, string message) => new(default, new SimError(status, code, message));
    public static SimResult<T> Fail(SimError error) => new(default, error);
}
