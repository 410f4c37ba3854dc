using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Media;

/// <summary>
/// Media in a local folder, for the one-command development run: <c>objects/</c> holds the objects, <c>types/</c> their
/// content types, <c>staging/</c> the blocks of objects written in parts. Browsers read through the Api's
/// <see cref="PathPrefix"/> with an expiring HMAC signature (<see cref="Authorize"/>), the same contract as a SAS URL.
/// </summary>
public sealed class LocalMediaStore : IMediaStore
{
    /// <summary>Where the Api serves local objects (with range requests).</summary>
    public const string PathPrefix = "/media";

    private readonly string _root;
    private readonly byte[] _signingKey;
    private readonly TimeProvider _clock;

    public LocalMediaStore(IOptions<MediaOptions> options, TimeProvider clock)
    {
        var local = options.Value.Local;
        _root = Path.GetFullPath(local.ResolvedPath);
        _signingKey = local.SigningKey is { } key ? Encoding.UTF8.GetBytes(key) : RandomNumberGenerator.GetBytes(32);
        _clock = clock;
        Directory.CreateDirectory(_root);
    }

    public string Kind => "local";

    public async Task StageBlockAsync(string key, int index, Stream content, CancellationToken cancellationToken = default)
    {
        var path = StagedPath(key, MediaKey.ValidateBlock(index));
        await WriteFileAsync(path, content, cancellationToken);
    }

    public Task<IReadOnlyList<int>> StagedBlocksAsync(string key, CancellationToken cancellationToken = default)
    {
        var folder = StagingFolder(key);
        IReadOnlyList<int> blocks = Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder)
                .Select(f => int.TryParse(Path.GetFileName(f), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
                .Where(i => i >= 0)
                .Order()]
            : [];
        return Task.FromResult(blocks);
    }

    public async Task CommitBlocksAsync(string key, IReadOnlyList<int> blocks, string contentType, CancellationToken cancellationToken = default)
    {
        var missing = blocks.FirstOrDefault(i => !File.Exists(StagedPath(key, MediaKey.ValidateBlock(i))), -1);
        if (missing >= 0)
        {
            throw new MediaStoreException($"Block {missing} of '{key}' was never staged.");
        }

        var target = ObjectPath(key);
        var temporary = TemporaryPath(target);
        await using (var output = File.Create(temporary))
        {
            foreach (var index in blocks)
            {
                await using var block = File.OpenRead(StagedPath(key, index));
                await block.CopyToAsync(output, cancellationToken);
            }
        }

        await File.WriteAllTextAsync(TypePath(key), contentType, cancellationToken);
        File.Move(temporary, target, overwrite: true);
        Directory.Delete(StagingFolder(key), recursive: true);
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(EnsureFolder(TypePath(key)), contentType, cancellationToken);
        await WriteFileAsync(ObjectPath(key), content, cancellationToken);
    }

    public Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(ObjectPath(key));
        return Task.FromResult(file.Exists ? new MediaObject(key, file.Length, ContentTypeOf(key)) : null);
    }

    public Task<Stream> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken cancellationToken = default)
    {
        var path = ObjectPath(key);
        if (!File.Exists(path))
        {
            throw new MediaStoreException($"There is no media object '{key}'.");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        file.Seek(offset, SeekOrigin.Begin);
        Stream stream = length is { } n ? new BoundedStream(file, n) : file;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(ObjectPath(key));
        File.Delete(TypePath(key));
        if (Directory.Exists(StagingFolder(key)))
        {
            Directory.Delete(StagingFolder(key), recursive: true);
        }

        return Task.CompletedTask;
    }

    public Uri ReadUrl(string key, TimeSpan lifetime)
    {
        MediaKey.Validate(key);
        var expires = _clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return new Uri($"{PathPrefix}/{key}?exp={expires}&sig={Sign(key, expires)}", UriKind.Relative);
    }

    /// <summary>The file behind a read URL's <paramref name="key"/>, when its signature holds and it has not expired; else null.</summary>
    public string? Authorize(string key, long expires, string? signature)
    {
        try
        {
            MediaKey.Validate(key);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (signature is null || expires < _clock.GetUtcNow().ToUnixTimeSeconds()
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, expires)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }

        var path = ObjectPath(key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The content type an object was written with.</summary>
    public string ContentTypeOf(string key) => File.Exists(TypePath(key)) ? File.ReadAllText(TypePath(key)) : "application/octet-stream";

    private string Sign(string key, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes($"{key}\n{expires.ToString(CultureInfo.InvariantCulture)}")));

    private string ObjectPath(string key) => EnsureFolder(Path.Combine(_root, "objects", MediaKey.Validate(key)));

    private string TypePath(string key) => EnsureFolder(Path.Combine(_root, "types", MediaKey.Validate(key)));

    private string StagingFolder(string key) => Path.Combine(_root, "staging", MediaKey.Validate(key));

    private string StagedPath(string key, int index) =>
        EnsureFolder(Path.Combine(StagingFolder(key), index.ToString("D6", CultureInfo.InvariantCulture)));

    private static string EnsureFolder(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string TemporaryPath(string path) => $"{path}.{Guid.NewGuid():N}.partial";

    // Written beside the target and moved over it, so a reader never sees half a file.
    private static async Task WriteFileAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryPath(path);
        try
        {
            await using (var output = File.Create(temporary))
            {
                await content.CopyToAsync(output, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>At most <paramref name="length"/> bytes of a file stream, which it owns.</summary>
    private sealed class BoundedStream(Stream inner, long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
