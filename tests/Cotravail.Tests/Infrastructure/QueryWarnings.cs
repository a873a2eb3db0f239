using System.Collections.Concurrent;
using System.Diagnostics;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Infrastructure;

/// Collects the EF Core warnings about carelessly written queries, with the app's frames that compiled them:
/// several collections loaded without a splitting behaviour (20504), First without OrderBy nor filter (10103),
/// Skip/Take without OrderBy (10102). EF logs them once per query shape, when it compiles the query.
internal sealed class QueryWarnings : ILoggerProvider
{
    public static readonly EventId[] Watched =
    [
        RelationalEventId.MultipleCollectionIncludeWarning,
        CoreEventId.FirstWithoutOrderByAndFilterWarning,
        CoreEventId.RowLimitingOperationWithoutOrderByWarning,
    ];

    private readonly ConcurrentQueue<string> found = new();

    public IReadOnlyCollection<string> Found => found;

    /// Adds the collector to an app, and makes the watched warnings explicit Warning-level events of its
    /// contexts: a warnings configuration of its own gives the app its own EF query cache, so each query
    /// compiles (and warns) again in it even if another app of the test run compiled it first.
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.ConfigureDbContext<AppDb>(o => o.ConfigureWarnings(w => w.Log([.. Watched.Select(id => (id, LogLevel.Warning))])));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(QueryWarnings owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!Watched.Any(w => w.Id == eventId.Id))
            {
                return;
            }
            // The query compiles synchronously inside the app's call, so the app's frames are on the stack.
            var methods = new StackTrace().GetFrames().Select(f => f.GetMethod()).Where(m => m?.DeclaringType?.FullName is not null).ToList();
            var app = methods.Where(m => m!.DeclaringType!.FullName!.StartsWith("Cotravail.", StringComparison.Ordinal)
                && !m.DeclaringType.FullName.StartsWith("Cotravail.Tests.", StringComparison.Ordinal)).ToList();
            // Else a library's query (Identity's stores, say): its frames outside EF and logging.
            var frames = (app.Count > 0 ? app : methods.Where(m => !m!.DeclaringType!.FullName!.StartsWith("System.", StringComparison.Ordinal)
                    && !m.DeclaringType.FullName.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                    && !m.DeclaringType.FullName.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal)
                    && m.DeclaringType != typeof(Logger)))
                .Select(m => $"{m!.DeclaringType!.FullName}.{m.Name}")
                .Distinct()
                .Take(4);
            owner.found.Enqueue($"[{eventId.Id}] {formatter(state, exception)} at {string.Join(" < ", frames)}");
        }
    }
}
