using System.Globalization;
using BaaS.ServerEvents.Benchmarks;

// dotnet BaaS.ServerEvents.Benchmarks.dll [subscribers] [broadcasts] [messages to one user]   (the subscribers' side)
// dotnet BaaS.ServerEvents.Benchmarks.dll server                                             (the node; started by the former)
if (args is ["server", ..]) await BenchServer.RunAsync(args[1..]);
else return await BenchClient.RunAsync(Arg(0, 2000), Arg(1, 20), Arg(2, 200));
return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
