using System.Text.Json;
using CartonaActors.Erp.Setup;

namespace CartonaActors.Erp.Tests.Setup;

public sealed class OdooVersionTests
{
    [Theory]
    [InlineData("""{"server_version":"18.0","server_version_info":[18,0,0,"final",0,""],"server_serie":"18.0","protocol_version":1}""", "18.0", 18, 0, true)]
    [InlineData("""{"server_version":"saas~17.2+e","server_version_info":["saas~17",2,0,"final",0,"e"],"server_serie":"saas~17.2"}""", "saas~17.2+e", 17, 2, true)]
    [InlineData("""{"server_version":"16.0","server_version_info":[16,0,0,"final",0,""]}""", "16.0", 16, 0, false)]
    [InlineData("""{"server_serie":"15.0"}""", "15.0", 15, 0, false)]
    public void Common_version_is_read_from_the_version_info_or_the_serie(string answer, string text, int major, int minor, bool webhooks)
    {
        var version = OdooVersion.Read(JsonDocument.Parse(answer).RootElement);
        Assert.Equal(new OdooVersion(text, major, minor), version);
        Assert.Equal(webhooks, version!.SupportsWebhooks);
    }

    [Theory]
    [InlineData("""{"server_version":"next"}""")]
    [InlineData("""[18,0]""")]
    [InlineData("""false""")]
    public void An_answer_without_a_version_reads_as_none(string answer) =>
        Assert.Null(OdooVersion.Read(JsonDocument.Parse(answer).RootElement));
}
