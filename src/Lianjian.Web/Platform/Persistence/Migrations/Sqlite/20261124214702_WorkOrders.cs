using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianjian.Web.Platform.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EscalationLadders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Levels = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationLadders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponseLimitAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseLimitUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResolutionLimitAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionLimitUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EscalationLadderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderCategories_EscalationLadders_EscalationLadderId",
                        column: x => x.EscalationLadderId,
                        principalTable: "EscalationLadders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackingToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClientRequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlaceOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RequesterPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RequesterPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssigneeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneePersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPooled = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedByFollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResponseDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolutionDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Organizations_AssigneeOrganizationId",
                        column: x => x.AssigneeOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Organizations_HandlerOrganizationId",
                        column: x => x.HandlerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Organizations_PlaceOrganizationId",
                        column: x => x.PlaceOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrders_WorkOrderCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "WorkOrderCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetPersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderSteps_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    StepId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderPhotos_WorkOrderSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "WorkOrderSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkOrderPhotos_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationLadders_Name",
                table: "EscalationLadders",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderCategories_Code",
                table: "WorkOrderCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderCategories_EscalationLadderId",
                table: "WorkOrderCategories",
                column: "EscalationLadderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderCategories_Name",
                table: "WorkOrderCategories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderPhotos_StepId",
                table: "WorkOrderPhotos",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderPhotos_WorkOrderId",
                table: "WorkOrderPhotos",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_AssigneeOrganizationId_Status",
                table: "WorkOrders",
                columns: new[] { "AssigneeOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_CategoryId",
                table: "WorkOrders",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ClientRequestId",
                table: "WorkOrders",
                column: "ClientRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_HandlerOrganizationId",
                table: "WorkOrders",
                column: "HandlerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_HandlerPersonId_Status",
                table: "WorkOrders",
                columns: new[] { "HandlerPersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_PlaceOrganizationId_SubmittedAt",
                table: "WorkOrders",
                columns: new[] { "PlaceOrganizationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status_SubmittedAt",
                table: "WorkOrders",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_SubmittedAt",
                table: "WorkOrders",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_TrackingToken",
                table: "WorkOrders",
                column: "TrackingToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderSteps_At",
                table: "WorkOrderSteps",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderSteps_WorkOrderId_Id",
                table: "WorkOrderSteps",
                columns: new[] { "WorkOrderId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkOrderPhotos");

            migrationBuilder.DropTable(
                name: "WorkOrderSteps");

            migrationBuilder.DropTable(
                name: "WorkOrders");

            migrationBuilder.DropTable(
                name: "WorkOrderCategories");

            migrationBuilder.DropTable(
                name: "EscalationLadders");
        }
    }
}
