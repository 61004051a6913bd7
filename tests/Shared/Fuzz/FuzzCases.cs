using CsCheck;

namespace CartonaActors.Tests.Fuzz;

/// <summary>
/// Runs a property over a fixed list of generated cases. CsCheck's <c>seed</c> argument fixes only the first
/// iteration, so each case here is drawn from its own PCG stream of one fixed seed: CI sees the same cases on
/// every run, and a failure names the case to replay.
/// </summary>
public static class FuzzCases
{
    public const ulong Seed = 20261224;

    public static IEnumerable<T> Of<T>(Gen<T> gen, int count)
    {
        for (var i = 0; i < count; i++) yield return gen.Generate(new PCG(7, Seed + (ulong)i), null!, out _);
    }

    public static async Task CheckAsync<T>(Gen<T> gen, int count, Func<T, Task> property, Func<T, string>? print = null)
    {
        var i = 0;
        foreach (var value in Of(gen, count))
        {
            try
            {
                await property(value);
            }
            catch (Exception ex)
            {
                var shown = print?.Invoke(value) ?? value?.ToString() ?? "null";
                throw new Xunit.Sdk.XunitException(
                    $"fuzz case {i} of {count} (seed {Seed}) failed: {(shown.Length > 2000 ? shown[..2000] + "…" : shown)}\n{ex}");
            }
            i++;
        }
    }
}
