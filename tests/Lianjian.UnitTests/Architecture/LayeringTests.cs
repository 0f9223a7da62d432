using System.Reflection;
using System.Text.RegularExpressions;
using Lianjian.Web.Platform.Auditing;

namespace Lianjian.UnitTests.Architecture;

/// <summary>DESIGN.md: Platform never depends on a module; domain types never depend on ASP.NET or MudBlazor.</summary>
public class LayeringTests
{
    private static readonly Assembly Web = typeof(AuditEntry).Assembly;

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lianjian.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "src", "Lianjian.Web");
    }

    [Fact]
    public void Platform_DoesNotReferenceModules_InSource()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(SourceRoot(), "Platform"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("Persistence", "Migrations"), StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"Lianjian\.Web\.Modules"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Platform_DoesNotReferenceModules_InCompiledTypes()
    {
        var platformTypes = Web.GetTypes().Where(t => t.Namespace?.StartsWith("Lianjian.Web.Platform", StringComparison.Ordinal) == true
            && !t.Namespace.Contains("Migrations", StringComparison.Ordinal));
        var offenders = platformTypes.SelectMany(t => ReferencedTypes(t).Select(r => (t, r)))
            .Where(x => x.r.Namespace?.StartsWith("Lianjian.Web.Modules", StringComparison.Ordinal) == true)
            .Select(x => $"{x.t.FullName} → {x.r.FullName}").Distinct().ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void DomainTypes_DoNotDependOnAspNetOrMudBlazor()
    {
        // Domain types: the entities (audited rows) and the enums beside them.
        var domain = Web.GetTypes().Where(t => t.Namespace?.StartsWith("Lianjian.Web.Modules", StringComparison.Ordinal) == true
            && (typeof(IAudited).IsAssignableFrom(t) || t.IsEnum) && !t.IsInterface).ToList();
        Assert.NotEmpty(domain);
        var offenders = domain.SelectMany(t => ReferencedTypes(t).Select(r => (t, r)))
            .Where(x => x.r.Namespace is { } ns && (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || ns.StartsWith("MudBlazor", StringComparison.Ordinal)))
            .Select(x => $"{x.t.FullName} → {x.r.FullName}").Distinct().ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> types = [.. type.GetInterfaces()];
        if (type.BaseType is { } b) types = types.Append(b);
        types = types.Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
        return types.SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType) return Expand(t.GetElementType()!);
        return t.IsGenericType ? t.GetGenericArguments().SelectMany(Expand).Append(t) : [t];
    }
}
