namespace Lianjian.Web.Platform.Jobs;

/// <summary>The <c>Lianjian:Jobs</c> configuration section (README "Configuration").</summary>
public sealed class JobsOptions
{
    public const string Section = "Lianjian:Jobs";

    /// <summary>
    /// Run the scheduled jobs in this process. On by default; the integration tests turn it off and run jobs
    /// directly. Every node may leave it on: the jobs are safe to run on several nodes at once.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
