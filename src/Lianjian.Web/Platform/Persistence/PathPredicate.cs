using System.Linq.Expressions;
using Lianjian.Web.Platform.Identity;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// "Lies under one of these ancestor paths" as a range predicate (path ≥ "/a/b/" and path &lt; "/a/b0"), which both
/// SQLite and PostgreSQL (C collation) answer from the path index, unlike LIKE with a parameter.
/// </summary>
public static class PathPredicate
{
    public static Expression<Func<T, bool>> Under<T>(Expression<Func<T, string>> path, IEnumerable<string> prefixes)
    {
        Expression? body = null;
        foreach (var prefix in prefixes.Distinct())
        {
            var bounds = new Bounds(prefix, UpperBound(prefix));
            Expression<Func<string, bool>> inRange = p =>
                string.Compare(p, bounds.Low) >= 0 && string.Compare(p, bounds.High) < 0;
            var clause = new Replace(inRange.Parameters[0], path.Body).Visit(inRange.Body);
            body = body is null ? clause : Expression.OrElse(body, clause);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), path.Parameters);
    }

    public static Expression<Func<T, bool>> InScope<T>(Expression<Func<T, string>> path, DataScope scope) =>
        scope.IsUnrestricted ? Expression.Lambda<Func<T, bool>>(Expression.Constant(true), path.Parameters) : Under(path, scope.Paths);

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/> ('/' + 1 = '0').</summary>
    public static string UpperBound(string prefix) =>
        prefix.EndsWith('/') ? prefix[..^1] + "0" : prefix + "\uffff";

    // A class, so EF sends the bounds as parameters rather than inlining them into the SQL text.
    private sealed record Bounds(string Low, string High);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
