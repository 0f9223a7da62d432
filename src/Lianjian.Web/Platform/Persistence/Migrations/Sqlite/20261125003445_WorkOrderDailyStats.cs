using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkOrderDailyStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkOrderDailyStats",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    Responded = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Rated = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderDailyStats", x => new { x.OrganizationId, x.Day, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_WorkOrderDailyStats_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Fill the roll-ups from the orders already there (the interceptor keeps them from now on). A frozen copy of
            // WorkOrderRollups.RebuildDailyStatsSql at the time of this migration (rebuild-rollups runs the live one).
            migrationBuilder.Sql("""
                WITH RECURSIVE p AS (
                    SELECT w."PlaceOrganizationId" AS "Place", date(w."SubmittedAt", '+8 hours') AS "Day", w."CategoryId",
                        COUNT(*) AS "Received",
                        SUM(CASE WHEN w."Status" = 'Rejected' THEN 1 ELSE 0 END) AS "Rejected",
                        SUM(CASE WHEN w."Status" = 'Withdrawn' THEN 1 ELSE 0 END) AS "Withdrawn",
                        SUM(CASE WHEN w."Status" NOT IN ('Rejected', 'Withdrawn') AND w."RespondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Responded",
                        SUM(CASE WHEN w."Status" IN ('Resolved', 'Rated', 'Closed') THEN 1 ELSE 0 END) AS "Resolved",
                        SUM(CASE WHEN w."Status" IN ('Resolved', 'Rated', 'Closed') AND w."ResolvedAt" <= w."ResolutionDeadline" THEN 1 ELSE 0 END) AS "ResolvedOnTime",
                        SUM(CASE WHEN w."Status" NOT IN ('Rejected', 'Withdrawn') AND w."Rating" IS NOT NULL THEN 1 ELSE 0 END) AS "Rated",
                        SUM(CASE WHEN w."Status" NOT IN ('Rejected', 'Withdrawn') AND w."Rating" >= 4 THEN 1 ELSE 0 END) AS "Satisfied",
                        SUM(CASE WHEN w."Status" NOT IN ('Rejected', 'Withdrawn') AND w."RespondedAt" IS NOT NULL THEN COALESCE(w."ResponseSeconds", 0) ELSE 0 END) AS "ResponseSeconds"
                    FROM "WorkOrders" w
                    GROUP BY w."PlaceOrganizationId", date(w."SubmittedAt", '+8 hours'), w."CategoryId"),
                anc("Place", "Id", "ParentId") AS (
                    SELECT o."Id", o."Id", o."ParentId" FROM "Organizations" o WHERE o."Id" IN (SELECT "Place" FROM p)
                    UNION ALL
                    SELECT anc."Place", o."Id", o."ParentId" FROM anc JOIN "Organizations" o ON o."Id" = anc."ParentId")
                INSERT INTO "WorkOrderDailyStats" ("OrganizationId", "Day", "CategoryId", "Received", "Rejected", "Withdrawn", "Responded", "Resolved", "ResolvedOnTime", "Rated", "Satisfied", "ResponseSeconds")
                SELECT anc."Id", p."Day", p."CategoryId", SUM(p."Received"), SUM(p."Rejected"), SUM(p."Withdrawn"), SUM(p."Responded"), SUM(p."Resolved"), SUM(p."ResolvedOnTime"), SUM(p."Rated"), SUM(p."Satisfied"), SUM(p."ResponseSeconds")
                FROM p JOIN anc ON anc."Place" = p."Place"
                GROUP BY anc."Id", p."Day", p."CategoryId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkOrderDailyStats");
        }
    }
}
