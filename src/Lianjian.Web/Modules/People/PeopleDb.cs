using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People;

public static class PeopleDb
{
    extension(AppDbContext db)
    {
        public DbSet<Person> People => db.Set<Person>();
    }

    extension(IQueryable<Person> people)
    {
        /// <summary>People whose home organization lies in the user's scope.</summary>
        public IQueryable<Person> InScope(DataScope scope) =>
            people.Where(PathPredicate.InScope<Person>(p => p.Organization.Path, scope));
    }
}
