using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

public static class WorkOrdersDb
{
    extension(AppDbContext db)
    {
        public DbSet<WorkOrder> WorkOrders => db.Set<WorkOrder>();

        public DbSet<WorkOrderStep> WorkOrderSteps => db.Set<WorkOrderStep>();

        public DbSet<WorkOrderPhoto> WorkOrderPhotos => db.Set<WorkOrderPhoto>();

        public DbSet<Category> WorkOrderCategories => db.Set<Category>();

        public DbSet<EscalationLadder> EscalationLadders => db.Set<EscalationLadder>();

        public DbSet<WorkOrderDailyStat> WorkOrderDailyStats => db.Set<WorkOrderDailyStat>();
    }
}
