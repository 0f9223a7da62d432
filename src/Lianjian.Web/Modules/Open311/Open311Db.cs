using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Open311;

public static class Open311Db
{
    extension(AppDbContext db)
    {
        public DbSet<Open311ApiKey> Open311ApiKeys => db.Set<Open311ApiKey>();
    }
}
