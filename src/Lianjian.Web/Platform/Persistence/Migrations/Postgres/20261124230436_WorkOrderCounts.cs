using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkOrderCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkOrderCounts",
                columns: table => new
                {
                    PlaceOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderCounts", x => new { x.PlaceOrganizationId, x.Status });
                    table.ForeignKey(
                        name: "FK_WorkOrderCounts_Organizations_PlaceOrganizationId",
                        column: x => x.PlaceOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Fill the counts from the orders already there (the interceptor keeps them from now on).
            migrationBuilder.Sql("""
                INSERT INTO "WorkOrderCounts" ("PlaceOrganizationId", "Status", "Count")
                SELECT "PlaceOrganizationId", "Status", COUNT(*) FROM "WorkOrders" GROUP BY "PlaceOrganizationId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkOrderCounts");
        }
    }
}
