using CartonaActors.Tests.Fuzz;
using CsCheck;

namespace CartonaActors.Erp.Tests.Fuzz;

/// <summary>
/// Whatever Odoo (or a proxy in front of it) answers, the JSON-RPC transport gives a result or an
/// <see cref="OdooException"/> that says whether to try again, never another exception: the ERP entities decide
/// on that classification, and the API key never appears in the message.
/// </summary>
public sealed class TransportResponseFuzzSpecs : IAsyncLifetime
{
    private const string ApiKey = "odoo-fuzz-key-5e1b7c9d2a";
    private const int Cases = 300;
    private ScriptedHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly Gen<string> ErrorObject = HostileJson.Shaped(
        ("code", HostileJson.Number),
        ("message", HostileJson.StringLiteral),
        ("data", HostileJson.Shaped(
            ("name", Gen.OneOf(Gen.Const("odoo.exceptions.AccessDenied"), Gen.Const("odoo.exceptions.AccessError"), Gen.Const("odoo.exceptions.ValidationError"),
                Gen.Const("odoo.exceptions.MissingError"), Gen.Const("builtins.ValueError")).Select(HostileJson.Quote)),
            ("message", HostileJson.StringLiteral),
            ("debug", HostileJson.StringLiteral))));

    /// <summary>JSON-RPC answers: a result of any shape, an error of Odoo's shape or not, both, neither.</summary>
    private static readonly Gen<string> RpcBody = HostileJson.Body(HostileJson.Shaped(
        ("jsonrpc", Gen.Const("\"2.0\"")),
        ("id", HostileJson.Number),
        ("result", Gen.Frequency((1, Gen.Int[1, 50].Select(i => i.ToString())), (2, HostileJson.Value()))),
        ("error", Gen.Frequency((2, ErrorObject), (1, HostileJson.Value())))));

    private OdooJsonRpcTransport Transport() => new(new OdooSettings
    {
        Url = _server.BaseUrl, Database = "erp", Login = "sync@example.com", ApiKey = ApiKey, Timeout = TimeSpan.FromSeconds(5),
    });

    [Fact]
    public async Task Any_answer_to_authenticate_is_a_uid_or_a_classified_odoo_error() =>
        await FuzzCases.CheckAsync(HostileAnswers.Around(RpcBody), Cases, async answer =>
        {
            _server.Next = _ => answer;
            using var transport = Transport();
            try
            {
                Assert.True(await transport.AuthenticateAsync(default) > 0);
            }
            catch (OdooException ex)
            {
                Assert.DoesNotContain(ApiKey, ex.ToString());
            }
        });

    [Fact]
    public async Task Any_answer_to_a_call_is_a_result_or_a_classified_odoo_error() =>
        await FuzzCases.CheckAsync(HostileAnswers.Around(RpcBody), Cases, async answer =>
        {
            var calls = 0;
            _server.Next = _ => Interlocked.Increment(ref calls) == 1 ? new ScriptedAnswer(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":2}") : answer;
            using var transport = Transport();
            try
            {
                await transport.ExecuteKwAsync("product.product", "search_read", [Array.Empty<object>()], null, default);
            }
            catch (OdooException ex)
            {
                Assert.DoesNotContain(ApiKey, ex.ToString());
            }
        });
}
