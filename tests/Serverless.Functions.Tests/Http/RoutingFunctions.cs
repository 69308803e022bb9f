using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.Functions.Tests.Http;

public sealed record Note(string Text, int Priority);

public sealed class Greeter
{
    public string Greet(string name) => $"Hello, {name}";
}

/// <summary>HTTP functions exercising routing and binding; built through DI with a <see cref="Greeter"/>.</summary>
public sealed class RoutingFunctions(Greeter greeter)
{
    [Function("GetDocument")]
    public IResult GetDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{number:int}")] HttpRequest request,
        string caseId,
        int number,
        FunctionContext context) =>
        Results.Ok(new { caseId, number, function = context.FunctionDefinition.Name, invocationId = context.InvocationId });

    [Function("CreateNote")]
    public IResult CreateNote([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notes")] HttpRequest request, [FromBody] Note note) =>
        Results.Created($"/api/notes/1", note with { Text = note.Text.ToUpperInvariant() });

    [Function("Greet")]
    public string Greet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greet/{name}")] HttpRequest request, string name) =>
        greeter.Greet(name);

    [Function("Plain")]
    public Task<Note> Plain([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) =>
        Task.FromResult(new Note("default route", 1));

    [Function("Mvc")]
    public IActionResult Mvc([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "mvc/{id}")] HttpRequest request, string id) =>
        id == "missing" ? new NotFoundResult() : new OkObjectResult(new Note(id, 2));

    [Function("Fail")]
    public IResult Fail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest request) =>
        throw new InvalidOperationException("mobile 9876543210 must never reach the caller");

    [Function("Upload")]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "uploads/small")] HttpRequest request, CancellationToken cancellationToken)
    {
        return Results.Ok(new { bytes = await CountAsync(request.Body, cancellationToken) });
    }

    [Function("BigUpload")]
    public async Task<IResult> BigUpload([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "uploads/big")] HttpRequest request, CancellationToken cancellationToken)
    {
        return Results.Ok(new { bytes = await CountAsync(request.Body, cancellationToken), buffered = request.Body.CanSeek });
    }

    private static async Task<long> CountAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
