using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.Hosting;

public sealed class DiscoveryTests
{
    [Fact]
    public void Two_functions_with_one_name_fail_start_up_naming_both_methods()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestHost.Build([typeof(FirstOfTwins), typeof(SecondOfTwins)]));

        Assert.Contains("'Twin'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(FirstOfTwins).FullName + ".Run", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(SecondOfTwins).FullName + ".Run", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(UnbindableParameter), "parameter 'mystery': no binding for a parameter of type Uri")]
    [InlineData(typeof(WrongTriggerType), "[HttpTrigger] binds to HttpRequest, not String")]
    [InlineData(typeof(NoRolesDeclared), "needs [Authorize(Roles")]
    [InlineData(typeof(BadSchedule), "six are required")]
    [InlineData(typeof(NoTrigger), "0 trigger parameters")]
    [InlineData(typeof(OrchestratorWithoutContext), "[OrchestrationTrigger] binds to TaskOrchestrationContext, not Object")]
    public void A_function_the_host_cannot_bind_fails_start_up_naming_its_method(Type functions, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestHost.Build([functions]));

        Assert.Contains(functions.FullName + ".Run", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_functions_on_one_method_and_route_fail_start_up_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestHost.Build([typeof(SameRouteTwice)]));

        Assert.Contains(typeof(SameRouteTwice).FullName + ".List", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(SameRouteTwice).FullName + ".All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_level_trigger_with_declared_roles_starts()
    {
        using var app = TestHost.Build([typeof(AuthorizedAtClassLevelIsEnough)]);
    }
}
