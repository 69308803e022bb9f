using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Tests.Hosting;

public sealed class FirstOfTwins
{
    [Function("Twin")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "a")] HttpRequest request) => Results.Ok();
}

public sealed class SecondOfTwins
{
    [Function("Twin")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "b")] HttpRequest request) => Results.Ok();
}

public sealed class UnbindableParameter
{
    [Function("Unbindable")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u")] HttpRequest request, Uri mystery) => Results.Ok();
}

public sealed class WrongTriggerType
{
    [Function("WrongTrigger")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] string request) => Results.Ok();
}

public sealed class NoRolesDeclared
{
    [Function("NoRoles")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => Results.Ok();
}

public sealed class BadSchedule
{
    [Function("BadSchedule")]
    public void Run([TimerTrigger("*/5 * * * *")] TimerInfo timer)
    {
    }
}

public sealed class NoTrigger
{
    [Function("NoTrigger")]
    public void Run(FunctionContext context)
    {
    }
}

public sealed class OrchestratorWithoutContext
{
    [Function("Orphan")]
    public Task Run([OrchestrationTrigger] object context) => Task.CompletedTask;
}

public sealed class AuthorizedAtClassLevelIsEnough
{
    [Function("ClassLevel")]
    [Authorize(Roles = "verifier")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => Results.Ok();
}

public sealed class SameRouteTwice
{
    [Function("ListCases")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request) => Results.Ok();

    [Function("AllCases")]
    public IResult All([HttpTrigger(AuthorizationLevel.Anonymous, Route = "cases/")] HttpRequest request) => Results.Ok();
}
