using CartonaActors.Marketplaces.Rest;

namespace CartonaActors.Marketplaces.Tests.Rest;

/// <summary>The contract's machine moves one step at a time, so an ERP ahead of the marketplace is walked through each.</summary>
public class RestStatusModelSpecs
{
    [Theory]
    [InlineData(RestStatusModel.Pending, RestStatusModel.Delivered, RestStatusModel.Confirmed)]
    [InlineData(RestStatusModel.Confirmed, RestStatusModel.Delivered, RestStatusModel.Shipped)]
    [InlineData(RestStatusModel.Shipped, RestStatusModel.Delivered, RestStatusModel.Delivered)]
    [InlineData(RestStatusModel.Pending, RestStatusModel.Cancelled, RestStatusModel.Cancelled)]
    [InlineData(RestStatusModel.Shipped, RestStatusModel.Cancelled, null)]
    public void The_seller_walk_toward_a_status(string from, string to, string? next)
    {
        Assert.Equal(next, RestStatusModel.Instance.NextStatusToward(from, to));
    }
}
