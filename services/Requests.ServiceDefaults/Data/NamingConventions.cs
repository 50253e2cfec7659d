using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Requests.ServiceDefaults.Data;

/// <summary>Lower-case snake_case names, so that hand-written SQL reads the same on SQLite and PostgreSQL.</summary>
public static class NamingConventions
{
    public static void UseSnakeCaseNames(this ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            entity.SetTableName(ToSnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnakeCase(property.Name));
            foreach (var key in entity.GetKeys())
                key.SetName(ToSnakeCase(key.GetName()!));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            foreach (var foreignKey in entity.GetForeignKeys())
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
        }
    }

    /// <summary>Guids are stored as their lower-case text: the same value whichever provider or driver writes it.</summary>
    public static void UseTextGuids(this ModelConfigurationBuilder configuration) =>
        configuration.Properties<Guid>().HaveConversion<string>();

    public static string ToSnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
