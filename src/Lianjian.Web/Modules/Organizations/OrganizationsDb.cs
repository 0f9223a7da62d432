using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations;

public static class OrganizationsDb
{
    extension(AppDbContext db)
    {
        public DbSet<Organization> Organizations => db.Set<Organization>();
    }

    extension(IQueryable<Organization> organizations)
    {
        /// <summary>Only the organizations the user may see (their subtrees).</summary>
        public IQueryable<Organization> InScope(DataScope scope) =>
            organizations.Where(PathPredicate.InScope<Organization>(o => o.Path, scope));

        public IQueryable<Organization> Under(string path) =>
            organizations.Where(PathPredicate.Under<Organization>(o => o.Path, [path]));
    }
}
