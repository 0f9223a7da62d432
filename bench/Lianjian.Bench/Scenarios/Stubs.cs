namespace Lianjian.Bench.Scenarios;

public static class ScenarioRunner { public static Task<int> RunAsync(Options o) => Task.FromResult(2); }
public static class Explain { public static Task<int> RunAsync(Options o) => Task.FromResult(2); }
public static class ImportFile { public static Task<int> RunAsync(Options o) => Task.FromResult(2); }
