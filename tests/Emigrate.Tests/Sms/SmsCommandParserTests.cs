using Emigrate.Domain.Identifiers;
using Emigrate.Sms;

namespace Emigrate.Tests.Sms;

public sealed class SmsCommandParserTests
{
    private static readonly CaseId Id = CaseId.FromRandomBytes([1, 2, 3, 4, 5, 6]);

    [Theory]
    [InlineData("STATUS")]
    [InlineData("status")]
    [InlineData("  Status  ")]
    [InlineData("STATUS?")]
    [InlineData("Status.")]
    public void Status_alone_asks_for_the_latest_case(string body) =>
        Assert.Equal(new StatusCommand(null), SmsCommandParser.Parse(body));

    [Fact]
    public void Status_with_a_case_id_asks_for_that_case()
    {
        var body = Id.Value[2..];
        string[] variants =
        [
            $"STATUS {Id.Value}",
            $"status {Id.Value.ToLowerInvariant()}",
            $"STATUS: {Id.Value}",
            $"STATUS #{Id.Value}",
            $"STATUS {Id.Value[..7]} {Id.Value[7..]}",
            $"STATUS EM-{body[..5]}-{body[5..]}",
            $"STATUS {body}",
            $"STATUS{Id.Value}",
            $"status\n{Id.Value}.",
        ];

        Assert.All(variants, v => Assert.Equal(new StatusCommand(Id), SmsCommandParser.Parse(v)));
    }

    [Theory]
    [InlineData("STATUS EM1234")]
    [InlineData("STATUS please")]
    [InlineData("STATUSES")]
    public void Status_with_an_unreadable_id_is_told_apart(string body) =>
        Assert.IsType<StatusOfUnreadableIdCommand>(SmsCommandParser.Parse(body));

    [Fact]
    public void Status_with_a_mistyped_id_is_caught_by_the_check_symbol()
    {
        var typo = Id.Value[..^1] + (Id.Value[^1] == '0' ? '1' : '0');
        Assert.IsType<StatusOfUnreadableIdCommand>(SmsCommandParser.Parse($"STATUS {typo}"));
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop please")]
    [InlineData("STOP!")]
    public void Stop_opts_out_of_reminders(string body) => Assert.IsType<StopCommand>(SmsCommandParser.Parse(body));

    [Theory]
    [InlineData("START")]
    [InlineData("start again")]
    public void Start_opts_back_in(string body) => Assert.IsType<StartCommand>(SmsCommandParser.Parse(body));

    [Theory]
    [InlineData("HELP")]
    [InlineData("help me")]
    public void Help_is_understood(string body) => Assert.Equal(new HelpCommand(true), SmsCommandParser.Parse(body));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("स्थिति")]
    [InlineData("STOPP")]
    public void Anything_else_gets_help(string? body) => Assert.Equal(new HelpCommand(false), SmsCommandParser.Parse(body));
}
