using Serverless.Durable.TestWorker.Hosting;

// Runs until stdin closes (the test ended or died) or SIGTERM; a test that wants a crash kills the process instead.
return await WorkerHost.RunAsync(WorkerArguments.Parse(args));
