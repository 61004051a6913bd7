using System.Text.Json;
using CartonaActors.Service.Api;

namespace CartonaActors.Service.Tests;

/// <summary>A JSON error tells the sender where and what was expected, in words, never in .NET types.</summary>
public sealed class JsonErrorTextSpecs
{
    private static string Describe(string body)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ProductChangeRequest>(body, ProductEndpoints.RequestJson));
        return JsonErrorText.Describe(ex, typeof(ProductChangeRequest), ProductEndpoints.RequestJson);
    }

    [Theory]
    [InlineData("{\"price\": \"cheap\"}", "malformed JSON body: $.price must be a number (line 1, position 18)")]
    [InlineData("{\"price\": 1e40}", "malformed JSON body: $.price must be a number (line 1, position 15)")]
    [InlineData("{\"unlimitedStock\": 1}", "malformed JSON body: $.unlimitedStock must be true or false (line 1, position 21)")]
    [InlineData("{\"stock\": [1]}", "malformed JSON body: $.stock must be an object (line 1, position 12)")]
    [InlineData("{\"listings\": {}}", "malformed JSON body: $.listings must be an array (line 1, position 15)")]
    [InlineData("{\"listings\": [{\"keys\": {\"a\": 1}}]}", "malformed JSON body: $.listings[0].keys.a must be a string (line 1, position 31)")]
    [InlineData("[1,2]", "malformed JSON body: the body must be an object (line 1, position 2)")]
    [InlineData("{\"prise\": 12.5}", "malformed JSON body: unknown field 'prise' at $.prise (line 1, position 10)")]
    [InlineData("{\"price\": 12.5", "malformed JSON body: '5' is an invalid end of a number. Expected a delimiter. (line 1, position 15, at $.price)")]
    [InlineData("{\"listings\":[{\"connection\":\"\\ud800\"}]}", "malformed JSON body: $.listings[0].connection holds an invalid unicode escape (a lone surrogate) (line 1, position 36)")]
    public void A_json_error_names_the_path_and_what_was_expected(string body, string expected) =>
        Assert.Equal(expected, Describe(body));

    [Fact]
    public void A_long_field_name_is_cut_short()
    {
        var message = Describe("{\"" + new string('p', 10_000) + "\": 1}");
        Assert.True(message.Length < 300, message);
    }
}
