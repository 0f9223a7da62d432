using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkOrderDueAtCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DueAt",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DueAt_PlaceOrganizationId_SubmittedAt",
                table: "WorkOrders",
                columns: new[] { "DueAt", "PlaceOrganizationId", "SubmittedAt" },
                filter: "\"DueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DueAt_PlaceOrganizationId_SubmittedAt",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DueAt",
                table: "WorkOrders",
                column: "DueAt",
                filter: "\"DueAt\" IS NOT NULL");
        }
    }
}
