using Emigrate.Sms;

namespace Emigrate.Tests.Sms;

public sealed class WebhookSignatureTests
{
    // The SMS request vector published in Twilio's own request-validator tests.
    private const string Secret = "2bd9e9638872de601313dc77410d3b23";
    private const string Url = "http://twiliotests.heroku.com/validate/sms";
    private const string Expected = "mxeiv65lEe0b8L6LdVw2jgJi8yw=";

    private static readonly Dictionary<string, string> Form = new()
    {
        ["ToState"] = "CA",
        ["FromState"] = "CA",
        ["AccountSid"] = "ACba8bc05eacf94afdae398e642c9cc32d",
        ["SmsMessageSid"] = "SM2003cbd5e6a3701999aa3e5f20ff2787",
        ["Body"] = "Orly",
        ["From"] = "+14159354345",
        ["FromCity"] = "SAN FRANCISCO",
        ["SmsStatus"] = "received",
        ["FromZip"] = "94107",
        ["FromCountry"] = "US",
        ["To"] = "+14158141819",
        ["ToCity"] = "SAN FRANCISCO",
        ["ToZip"] = "94105",
        ["ToCountry"] = "US",
        ["ApiVersion"] = "2010-04-01",
        ["SmsSid"] = "SM2003cbd5e6a3701999aa3e5f20ff2787",
    };

    [Fact]
    public void Signature_matches_the_gateways_published_example()
    {
        Assert.Equal(Expected, WebhookSignature.Compute(Secret, Url, Form));
        Assert.True(WebhookSignature.IsValid(Secret, Url, Form, Expected));
    }

    [Fact]
    public void Form_order_does_not_matter() =>
        Assert.True(WebhookSignature.IsValid(Secret, Url, Form.Reverse(), Expected));

    [Fact]
    public void Changed_body_breaks_the_signature() =>
        Assert.False(WebhookSignature.IsValid(Secret, Url, new Dictionary<string, string>(Form) { ["Body"] = "STOP" }, Expected));

    [Fact]
    public void Changed_url_or_secret_breaks_the_signature()
    {
        Assert.False(WebhookSignature.IsValid(Secret, Url + "?x=1", Form, Expected));
        Assert.False(WebhookSignature.IsValid("another-secret", Url, Form, Expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bXhlaXY2NWxFZTBiOEw2TGRWdzJqZ0ppOHl3")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Missing_or_malformed_signature_is_invalid(string? signature) =>
        Assert.False(WebhookSignature.IsValid(Secret, Url, Form, signature));

    [Fact]
    public void Keys_are_sorted_ordinally_so_upper_case_comes_first()
    {
        var form = new Dictionary<string, string> { ["body"] = "b", ["Body"] = "B" };
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(
            "s"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes("https://x/sms" + "BodyB" + "bodyb")));

        Assert.Equal(expected, WebhookSignature.Compute("s", "https://x/sms", form));
    }

    [Fact]
    public void Repeated_keys_are_signed_whatever_order_they_came_in()
    {
        KeyValuePair<string, string>[] one = [new("Media", "b"), new("Media", "a")];
        KeyValuePair<string, string>[] other = [new("Media", "a"), new("Media", "b")];

        Assert.Equal(WebhookSignature.Compute("s", "https://x", one), WebhookSignature.Compute("s", "https://x", other));
    }
}
