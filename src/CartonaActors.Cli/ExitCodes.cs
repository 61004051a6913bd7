namespace CartonaActors.Cli;

/// <summary>What cartonactl's exit status means; scripts branch on these (README documents them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The service answered, and the answer is a failure: a test that failed, an order still held, a sync that stopped.</summary>
    public const int Failed = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
    /// <summary>No service answered at the URL (not running, wrong URL, timed out).</summary>
    public const int Unreachable = 3;
    /// <summary>The service refused the admin token (missing or wrong).</summary>
    public const int Unauthorized = 4;
    /// <summary>No such product, order or connection.</summary>
    public const int NotFound = 5;
    /// <summary>The service answered with an error of its own (5xx, or a 4xx other than the above).</summary>
    public const int ServiceError = 6;
}
