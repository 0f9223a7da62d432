using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Web.Platform.Cli;

/// <summary>A maintenance command run instead of the web server: <c>Lianjian.Web NAME [--key value …]</c>.</summary>
public interface ICliCommand
{
    string Name { get; }

    string Usage { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options);
}

public static class CommandLine
{
    /// <summary>Runs the command named by the first argument, if any; returns its exit code, or null to start the server.</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        var name = args[0];
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[++i];
        }

        var commands = app.Services.GetServices<ICliCommand>().ToList();
        if (name == "migrate")
        {
            await DatabaseSetup.MigrateAsync(app.Services);
            Console.WriteLine("数据库已迁移到最新版本。");
            return 0;
        }

        var command = commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            Console.Error.WriteLine($"未知命令 {name}。可用命令:");
            Console.Error.WriteLine("  migrate   应用数据库迁移");
            foreach (var c in commands) Console.Error.WriteLine("  " + c.Usage);
            return 2;
        }

        return await command.RunAsync(app.Services, options);
    }
}
