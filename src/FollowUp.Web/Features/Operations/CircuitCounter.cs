using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FollowUp.Web.Features.Operations;

/// <summary>Counts the interactive circuits this process holds open (one per connected browser tab).</summary>
public sealed class CircuitCounter
{
    private int _open;

    /// <summary>Circuits open now.</summary>
    public int Open => Volatile.Read(ref _open);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);
}

/// <summary>Feeds <see cref="CircuitCounter"/> from the circuit lifecycle (one handler per circuit).</summary>
internal sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }
}

/// <summary>A measurement of the process's memory.</summary>
/// <param name="HeapBytes">Managed heap in use after a full, compacting collection.</param>
/// <param name="CommittedBytes">Memory the GC has committed.</param>
/// <param name="WorkingSetBytes">The process's resident memory.</param>
/// <param name="Circuits">Circuits open at the time.</param>
public sealed record MemoryReading(long HeapBytes, long CommittedBytes, long WorkingSetBytes, int Circuits)
{
    /// <summary>Forces a full blocking compacting collection (twice, around finalizers) and reads the figures.
    /// Pauses the process for a moment: for the operations page, on an administrator's request.</summary>
    public static MemoryReading Take(CircuitCounter circuits)
    {
        ArgumentNullException.ThrowIfNull(circuits);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new MemoryReading(GC.GetTotalMemory(forceFullCollection: false), info.TotalCommittedBytes, Environment.WorkingSet, circuits.Open);
    }
}
