using System.Net;
using Emigrate.Sms.Outbound;

namespace Emigrate.Tests.Sms.Outbound;

public sealed class SmsGatewayClientTests
{
    private static readonly SmsGatewayOptions Settings = new()
    {
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public void Only_server_errors_429_and_408_are_worth_another_attempt(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, SmsGatewayClient.IsTransient(status));

    [Fact]
    public void Delays_double_from_the_first_and_stop_at_the_longest()
    {
        var delays = Enumerable.Range(1, 7).Select(attempt => SmsGatewayClient.Backoff(attempt, null, Settings).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void A_retry_after_from_the_gateway_is_honoured_up_to_the_longest_delay()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), SmsGatewayClient.Backoff(1, TimeSpan.FromSeconds(7), Settings));
        Assert.Equal(TimeSpan.FromSeconds(30), SmsGatewayClient.Backoff(1, TimeSpan.FromMinutes(10), Settings));
        Assert.Equal(TimeSpan.FromSeconds(2), SmsGatewayClient.Backoff(2, TimeSpan.Zero, Settings));
    }
}
