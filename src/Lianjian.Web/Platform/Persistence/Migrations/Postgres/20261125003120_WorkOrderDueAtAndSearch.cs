using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkOrderDueAtAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "WorkOrders",
                type: "text",
                nullable: true);

            // DueAt of the orders written before the column existed (the entity keeps it from now on): open orders only.
            migrationBuilder.Sql("""
                UPDATE "WorkOrders" SET "DueAt" = CASE WHEN "RespondedAt" IS NULL AND "ResponseDeadline" < "ResolutionDeadline"
                    THEN "ResponseDeadline" ELSE "ResolutionDeadline" END
                WHERE "Status" IN ('Submitted', 'Dispatched', 'Claimed', 'Reopened');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DueAt",
                table: "WorkOrders",
                column: "DueAt",
                filter: "\"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_SearchTermsPending",
                table: "WorkOrders",
                column: "Id",
                filter: "\"SearchTerms\" IS NULL");

            // Text search (not in the EF model): every term present, through a GIN index on the terms as an array.
            // SearchTerms of the orders written before this migration is filled by the app at start-up (WorkOrderSearchBackfill).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_WorkOrders_SearchTerms" ON "WorkOrders" USING gin (string_to_array("SearchTerms", ' '));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_WorkOrders_SearchTerms";""");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DueAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_SearchTermsPending",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "SearchTerms",
                table: "WorkOrders");
        }
    }
}
