using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleOrganizationActiveIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_OrganizationId",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganizationId_IsActive",
                table: "People",
                columns: new[] { "OrganizationId", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_OrganizationId_IsActive",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganizationId",
                table: "People",
                column: "OrganizationId");
        }
    }
}
