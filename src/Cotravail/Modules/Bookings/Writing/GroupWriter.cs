using System.Threading.Channels;

namespace Cotravail.Modules.Bookings;

/// Group commit, the part both engines share (decisions 0011 and 0012): callers queue their writes (each
/// a list of commands, all or none of them), writer loops take what waits at a given moment, up to a
/// batch, and each caller learns its own outcome once the batch is settled. A loop keeps its session
/// (connection, prepared statements) while there is work and closes it after a second idle or when a
/// batch fails as a whole. The engine says how a batch is written.
internal abstract class GroupWriter<TCommand, TSession>
    where TSession : class, IAsyncDisposable
{
    /// How long a writer keeps its session once nothing waits.
    private static readonly TimeSpan IdleHold = TimeSpan.FromSeconds(1);

    private readonly Channel<Work> queue;
    private readonly int maxBatch;
    private readonly Task[] loops;

    protected GroupWriter(string connectionString, int writers, int maxBatch)
    {
        (ConnectionString, this.maxBatch) = (connectionString, maxBatch);
        queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = writers == 1 });
        loops = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync))];
    }

    /// Whether every writer loop has ended (after CloseAsync).
    public bool Stopped => loops.All(l => l.IsCompleted);

    /// Takes no more work, lets the loops write what waits, and returns once they have ended and closed their sessions.
    public async Task CloseAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(loops);
    }

    protected sealed record Work(IReadOnlyList<TCommand> Commands, TaskCompletionSource Done, CancellationToken Ct);

    protected string ConnectionString { get; }

    /// Queues one write; completes once it is committed, or throws what the database refused it with.
    protected Task EnqueueAsync(IReadOnlyList<TCommand> commands, CancellationToken ct)
    {
        var work = new Work(commands, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        if (!queue.Writer.TryWrite(work))
        {
            work.Done.SetException(new InvalidOperationException("The group writer is closed."));
        }
        return work.Done.Task;
    }

    protected abstract Task<TSession> OpenAsync();

    /// Writes the batch (no write cancelled) and returns each write's refusal, null for those committed.
    /// Throws when nothing was committed; every write then fails with it and the session is closed.
    protected abstract Task<Exception?[]> WriteAsync(TSession session, List<Work> batch);

    /// Called for each write once its outcome is known.
    protected virtual ValueTask SettledAsync(Work work) => ValueTask.CompletedTask;

    private async Task RunAsync()
    {
        TSession? session = null;
        try
        {
            session = await RunUntilClosedAsync();
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// The loop; returns the session still open when the queue is closed.
    private async Task<TSession?> RunUntilClosedAsync()
    {
        var batch = new List<Work>(maxBatch);
        TSession? session = null;
        while (true)
        {
            if (session is not null && !queue.Reader.TryPeek(out _))
            {
                using var idle = new CancellationTokenSource(IdleHold);
                try
                {
                    await queue.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException)
                {
                    await session.DisposeAsync();
                    session = null;
                }
            }
            if (!await queue.Reader.WaitToReadAsync())
            {
                return session;
            }
            batch.Clear();
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var work))
            {
                if (work.Ct.IsCancellationRequested)
                {
                    await SettledAsync(work);
                    work.Done.SetException(new OperationCanceledException(work.Ct));
                }
                else
                {
                    batch.Add(work);
                }
            }
            if (batch.Count == 0)
            {
                continue;
            }
            Exception?[] failures;
            try
            {
                session ??= await OpenAsync();
                failures = await WriteAsync(session, batch);
            }
            catch (Exception e)
            {
                failures = [.. batch.Select(_ => e)];
                if (session is not null)
                {
                    await session.DisposeAsync();
                    session = null;
                }
            }
            for (var i = 0; i < batch.Count; i++)
            {
                await SettledAsync(batch[i]);
                if (failures[i] is { } failure)
                {
                    batch[i].Done.SetException(failure);
                }
                else
                {
                    batch[i].Done.SetResult();
                }
            }
        }
    }
}
