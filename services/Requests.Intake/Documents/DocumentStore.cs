using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Documents;

/// <summary>Where documents' bytes are kept: one implementation per deployment, chosen by <c>Database:Provider</c>.</summary>
public interface IDocumentStore
{
    /// <summary>A folder for files being received, on the same disk as the store when it has one.</summary>
    string StagingFolder { get; }

    /// <summary>Takes the staged file's bytes as document <paramref name="id"/>; the staged file is gone afterwards.</summary>
    Task WriteAsync(Guid id, string stagedFile, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(Guid id, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Files under the service's data folder, one per document; a staged file is moved in, never copied.</summary>
public sealed class FileDocumentStore : IDocumentStore
{
    private readonly string _root;

    public FileDocumentStore(string root)
    {
        _root = Path.GetFullPath(root);
        StagingFolder = Path.Combine(_root, "staging");
        Directory.CreateDirectory(StagingFolder);
    }

    public string StagingFolder { get; }

    public Task WriteAsync(Guid id, string stagedFile, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(stagedFile, path);
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
            FileOptions.Asynchronous | FileOptions.SequentialScan));

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(_root, name[..2], name);
    }

    /// <summary><c>Documents:Path</c>, else <c>intake-documents</c> beside the SQLite database file.</summary>
    public static string RootFrom(DocumentOptions options, string? connectionString)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
            return options.Path;
        var file = new SqliteConnectionStringBuilder(connectionString ?? "Data Source=intake.db").DataSource;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "intake-documents");
    }
}

/// <summary>
/// The service's own database (PostgreSQL), so that every instance reads what any of them received: a document is
/// rows of <see cref="ChunkSize"/> bytes, written in one transaction and read one row at a time.
/// </summary>
public sealed class DatabaseDocumentStore(IServiceScopeFactory scopes, WriteGate writes, IOptions<DocumentOptions> options)
    : IDocumentStore
{
    public const int ChunkSize = 1024 * 1024;

    public string StagingFolder { get; } = Staging(options.Value);

    public async Task WriteAsync(Guid id, string stagedFile, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var buffer = new byte[ChunkSize];
        await using (var file = new FileStream(stagedFile, FileMode.Open, FileAccess.Read, FileShare.None, 1, FileOptions.SequentialScan))
        using (await writes.HoldAsync(cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var insert = Commands.Prepare(db.Database.GetDbConnection(),
                "INSERT INTO document_chunks (document_id, number, data) VALUES (@p0, @p1, @p2)", 3,
                transaction.GetDbTransaction());
            for (var index = 0; ; index++)
            {
                var read = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0 && index > 0)
                    break;
                Commands.Bind(insert, id.ToString(), index, read == ChunkSize ? buffer : buffer[..read]);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (read < ChunkSize)
                    break;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        File.Delete(stagedFile);
    }

    public Task<Stream> OpenReadAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new ChunkStream(scopes, id));

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        using (await writes.HoldAsync(cancellationToken))
            await db.Set<DocumentChunk>().Where(c => c.DocumentId == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Staging(DocumentOptions options)
    {
        var folder = string.IsNullOrWhiteSpace(options.Path) ? Path.Combine(Path.GetTempPath(), "requests-intake-staging") : Path.Combine(options.Path, "staging");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Reads a document one chunk at a time: a download holds one chunk in memory, whatever the file's size.</summary>
    private sealed class ChunkStream(IServiceScopeFactory scopes, Guid id) : Stream
    {
        private readonly AsyncServiceScope _scope = scopes.CreateAsyncScope();
        private byte[] _chunk = [];
        private int _offset;
        private int _next;
        private bool _ended;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset == _chunk.Length)
            {
                if (_ended)
                    return 0;
                var db = _scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                var index = _next++;
                var data = await db.Set<DocumentChunk>().Where(c => c.DocumentId == id && c.Number == index)
                    .Select(c => c.Data).FirstOrDefaultAsync(cancellationToken);
                _ended = data is null || data.Length < ChunkSize;
                _chunk = data ?? [];
                _offset = 0;
                if (_chunk.Length == 0)
                    return 0;
            }
            var count = Math.Min(buffer.Length, _chunk.Length - _offset);
            _chunk.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _scope.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
