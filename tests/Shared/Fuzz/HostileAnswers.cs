using CsCheck;

namespace CartonaActors.Tests.Fuzz;

/// <summary>Answers of a platform, a proxy in front of it, or a broken deployment, around a body generator.</summary>
public static class HostileAnswers
{
    public static readonly Gen<int> Status = Gen.Frequency(
        (6, Gen.Const(200)),
        (3, Gen.OneOf(Gen.Const(201), Gen.Const(204), Gen.Const(400), Gen.Const(401), Gen.Const(403), Gen.Const(404), Gen.Const(409),
            Gen.Const(413), Gen.Const(422), Gen.Const(429), Gen.Const(500), Gen.Const(502), Gen.Const(503))),
        (1, Gen.Int[100, 599]));

    /// <summary>Retry-After in either form, or garbage.</summary>
    public static readonly Gen<(string, string)[]> Headers = Gen.Frequency(
        (3, Gen.Const(System.Array.Empty<(string, string)>())),
        (1, Gen.OneOf(Gen.Const("0"), Gen.Const("-5"), Gen.Const("2147483647"), Gen.Const("99999999999999"), Gen.Const("soon"),
                Gen.Const("Fri, 31 Dec 9999 23:59:59 GMT"), Gen.Const("Thu, 01 Jan 1970 00:00:00 GMT"), Gen.Const(""), Gen.Const("1.5"))
            .Select(v => new[] { ("Retry-After", v) })));

    public static Gen<ScriptedAnswer> Around(Gen<string> body) =>
        Gen.Select(Status, HostileJson.ContentType, body, Headers, (s, t, b, h) => new ScriptedAnswer(s, t, b, h));
}
