using Serverless.Bench;

return await BenchmarkCommand.RunAsync(args);
