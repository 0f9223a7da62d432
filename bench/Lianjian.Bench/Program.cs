using Lianjian.Bench;
using Lianjian.Bench.Generation;
using Lianjian.Bench.Scenarios;

// bench/README.md explains every command. Speed is measured here, never in timed tests.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Options.Usage);
    return args.Length == 0 ? 2 : 0;
}

var options = Options.Parse(args.Skip(1));
try
{
    return args[0] switch
    {
        "generate" => await Generator.RunAsync(options),
        "generate-import-file" => await ImportFile.RunAsync(options),
        "generate-orders" => await OrderGenerator.RunAsync(options),
        "run-orders" => await OrderScenarios.RunAsync(options),
        "run-stats" => await StatsScenarios.RunAsync(options),
        "orders-queries" => await OrderScenarios.QueriesAsync(options),
        "migrate" => await MigrateCommand.RunAsync(options),
        "crash-submit" => await CrashTest.SubmitAsync(options),
        "crash-check" => await CrashTest.CheckAsync(options),
        "run" => await ScenarioRunner.RunAsync(options),
        "explain" => await Explain.RunAsync(options),
        "queries" => await DbQueries.RunAsync(options),
        _ => Unknown(args[0]),
    };
}
catch (OptionException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

static int Unknown(string command)
{
    Console.Error.WriteLine($"unknown command '{command}'");
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
