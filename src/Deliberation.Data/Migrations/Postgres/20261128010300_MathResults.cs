using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Deliberation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MathResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_results",
                columns: table => new
                {
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    tick = table.Column<long>(type: "bigint", nullable: false),
                    watermark = table.Column<long>(type: "bigint", nullable: false),
                    statements_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    elapsed_ms = table.Column<int>(type: "integer", nullable: false),
                    result = table.Column<byte[]>(type: "bytea", nullable: false),
                    state = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_results", x => x.conversation_id);
                    table.ForeignKey(
                        name: "fk_conversation_results_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "math_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    tick = table.Column<long>(type: "bigint", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    watermark = table.Column<long>(type: "bigint", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    votes = table.Column<int>(type: "integer", nullable: false),
                    in_conv = table.Column<int>(type: "integer", nullable: false),
                    k = table.Column<int>(type: "integer", nullable: false),
                    group_sizes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    between_group_variance_share = table.Column<double>(type: "double precision", nullable: false),
                    mean_silhouette = table.Column<double>(type: "double precision", nullable: false),
                    first_component_variance_share = table.Column<double>(type: "double precision", nullable: false),
                    mean_divergence = table.Column<double>(type: "double precision", nullable: false),
                    divisive_statement_share = table.Column<double>(type: "double precision", nullable: false),
                    bridging_statements = table.Column<int>(type: "integer", nullable: false),
                    elapsed_ms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_math_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_math_snapshots_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_math_snapshots_conversation_id_tick",
                table: "math_snapshots",
                columns: new[] { "conversation_id", "tick" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_results");

            migrationBuilder.DropTable(
                name: "math_snapshots");
        }
    }
}
