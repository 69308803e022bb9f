using System.Buffers;

namespace Serverless.Storage.Blobs;

/// <summary>The block buffers of one upload: rented from <see cref="ArrayPool{T}"/> once, reused block after block.</summary>
/// <remarks>
/// A private free list rather than renting per block, because <see cref="ArrayPool{T}.Shared"/> caches a returned
/// array per thread and async continuations hop threads, which would make each block likely to allocate anew.
/// Not thread-safe: only the upload loop rents and returns. Dispose only after every request using a buffer ended.
/// </remarks>
internal sealed class TransferBuffers(int size) : IDisposable
{
    private readonly Stack<byte[]> _free = new();
    private readonly List<byte[]> _rented = [];

    public int Size => size;

    public byte[] Rent()
    {
        if (_free.TryPop(out var buffer))
        {
            return buffer;
        }

        buffer = ArrayPool<byte>.Shared.Rent(size);
        _rented.Add(buffer);
        return buffer;
    }

    public void Return(byte[] buffer) => _free.Push(buffer);

    public void Dispose()
    {
        foreach (var buffer in _rented)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _rented.Clear();
        _free.Clear();
    }
}
