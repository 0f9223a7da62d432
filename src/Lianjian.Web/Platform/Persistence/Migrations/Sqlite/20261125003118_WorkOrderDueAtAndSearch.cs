using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "WorkOrders",
                type: "TEXT",
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

            // Text search (not in the EF model): an FTS5 index over SearchTerms, kept by triggers. The terms are words
            // separated by spaces (TextTerms), which unicode61 splits on. SearchTerms of the orders written before this
            // migration is filled by the app at start-up (WorkOrderSearchBackfill), which the update trigger indexes.
            // A later migration that rebuilds the WorkOrders table (SQLite's way of altering columns) drops these triggers:
            // it must create them again (the text-search tests fail otherwise).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "WorkOrderSearch" USING fts5("SearchTerms", content='WorkOrders', content_rowid='Id', tokenize='unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "WorkOrders_Search_Insert" AFTER INSERT ON "WorkOrders" WHEN new."SearchTerms" IS NOT NULL BEGIN
                    INSERT INTO "WorkOrderSearch" (rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "WorkOrders_Search_Delete" AFTER DELETE ON "WorkOrders" WHEN old."SearchTerms" IS NOT NULL BEGIN
                    INSERT INTO "WorkOrderSearch" ("WorkOrderSearch", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "WorkOrders_Search_Update" AFTER UPDATE OF "SearchTerms" ON "WorkOrders" BEGIN
                    INSERT INTO "WorkOrderSearch" ("WorkOrderSearch", rowid, "SearchTerms") SELECT 'delete', old."Id", old."SearchTerms" WHERE old."SearchTerms" IS NOT NULL;
                    INSERT INTO "WorkOrderSearch" (rowid, "SearchTerms") SELECT new."Id", new."SearchTerms" WHERE new."SearchTerms" IS NOT NULL;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "WorkOrders_Search_Insert";
                DROP TRIGGER IF EXISTS "WorkOrders_Search_Delete";
                DROP TRIGGER IF EXISTS "WorkOrders_Search_Update";
                DROP TABLE IF EXISTS "WorkOrderSearch";
                """);

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
