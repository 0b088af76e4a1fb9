namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>The real clock, moved forward on demand: lets a test pass a cache time without waiting for it.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private TimeSpan shift;

    public void Advance(TimeSpan by) => shift += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
