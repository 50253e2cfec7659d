using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Requests.Harness;

/// <summary>The services' SQLite files read directly, read-only, while the services run (WAL lets readers in).</summary>
internal static class Databases
{
    public static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var timeout = connection.CreateCommand();
        timeout.CommandText = "PRAGMA busy_timeout = 5000";
        timeout.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The first column of each row, as text.</summary>
    public static List<string> Column(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public static long Scalar(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Each table's row count and a SHA-256 of its rows in key order: two equal fingerprints mean no row was added,
    /// removed or changed. <paramref name="skip"/>: tables the system writes on its own (time, health).
    /// </summary>
    public static SortedDictionary<string, string> Fingerprint(string file, IReadOnlySet<string> skip)
    {
        using var connection = Open(file);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var prints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !skip.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            long rows = 0;
            try
            {
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.IsDBNull(i) ? "\0null" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes)
                            : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                        hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
                    }
                }
            }
            catch (SqliteException)
            {
                // a WITHOUT ROWID table: ordered by its key, which SELECT * without ORDER BY follows
                command.CommandText = $"SELECT * FROM \"{table}\"";
                rows = 0;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                        hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "\0null" : reader.GetValue(i).ToString()) + "\u001f"));
                }
            }
            prints[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..12]}";
        }
        return prints;
    }
}
