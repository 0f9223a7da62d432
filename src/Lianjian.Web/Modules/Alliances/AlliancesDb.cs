using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances;

public static class AlliancesDb
{
    extension(AppDbContext db)
    {
        public DbSet<Alliance> Alliances => db.Set<Alliance>();

        public DbSet<Agreement> Agreements => db.Set<Agreement>();

        public DbSet<JointMeeting> JointMeetings => db.Set<JointMeeting>();
    }
}
