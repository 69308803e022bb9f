namespace Emigrate.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Test_project_runs() => Assert.True(true);
}
