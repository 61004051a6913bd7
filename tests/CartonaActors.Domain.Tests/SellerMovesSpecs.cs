using CartonaActors.Domain.Orders;

namespace CartonaActors.Domain.Tests;

public class SellerMovesSpecs
{
    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        ["a"] = ["b", "x"],
        ["b"] = ["c", "d"],
        ["c"] = ["d"],
        ["x"] = ["d"],
    });

    [Theory]
    [InlineData("a", "b", "b")] // direct
    [InlineData("a", "c", "b")] // the first step of a walk
    [InlineData("a", "d", "b")] // two walks of two steps: the table's order decides
    [InlineData("c", "d", "d")]
    [InlineData("d", "a", null)] // no walk
    [InlineData("c", "b", null)] // no way back
    [InlineData("a", "a", null)] // already there
    [InlineData("unknown", "a", null)]
    public void The_next_status_toward_a_target_is_the_first_step_of_the_shortest_walk(string from, string to, string? next)
    {
        Assert.Equal(next, Moves.NextToward(from, to));
    }

    [Fact]
    public void Only_listed_moves_are_allowed()
    {
        Assert.True(Moves.Allows("a", "x"));
        Assert.False(Moves.Allows("a", "c"));
        Assert.False(Moves.Allows("d", "a"));
    }
}
