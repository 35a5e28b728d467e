using BaaS.Tool;

return await BaasTool.RunAsync(args, Console.Out, Console.Error, http: null, workingDirectory: null, CancellationToken.None);
