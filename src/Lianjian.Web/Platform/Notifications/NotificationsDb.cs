using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Platform.Notifications;

public static class NotificationsDb
{
    extension(AppDbContext db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();

        public DbSet<OutboxMessage> OutboxMessages => db.Set<OutboxMessage>();
    }
}
