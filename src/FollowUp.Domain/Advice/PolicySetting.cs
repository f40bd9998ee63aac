namespace FollowUp.Domain.Advice;

/// <summary>
/// One setting of an <see cref="EtiquettePolicy"/>, a row of <see cref="PolicyLimits.Settings"/>: its name, and
/// whether and where a person may change it. <see cref="PolicySetting{T}"/> reads and changes it.
/// </summary>
public abstract class PolicySetting
{
    private protected PolicySetting(string name, int formPosition)
    {
        Name = name;
        FormPosition = formPosition;
    }

    /// <summary>The <see cref="EtiquettePolicy"/> property; also the name the settings are stored, imported and shown under.</summary>
    public string Name { get; }

    /// <summary>Where the settings forms show it, from 1; 0 when only the spec sets it.</summary>
    public int FormPosition { get; }

    /// <summary>Whether a person may change it (the settings forms, the stored overrides, the import).</summary>
    public bool PersonMayEdit => FormPosition > 0;

    /// <summary><paramref name="policy"/> with this setting's value taken from <paramref name="source"/>.</summary>
    /// <param name="source">The policy to take the value from.</param>
    /// <param name="policy">The policy to change.</param>
    /// <returns>The changed policy.</returns>
    public abstract EtiquettePolicy CopyFrom(EtiquettePolicy source, EtiquettePolicy policy);
}

/// <summary>A setting whose values are <typeparamref name="T"/>: an on/off switch, or a <see cref="PolicyNumber"/>.</summary>
/// <typeparam name="T">The type of the <see cref="EtiquettePolicy"/> property.</typeparam>
public class PolicySetting<T> : PolicySetting
    where T : struct
{
    private readonly Func<EtiquettePolicy, T> _read;
    private readonly Func<EtiquettePolicy, T, EtiquettePolicy> _with;

    internal PolicySetting(string name, int formPosition, Func<EtiquettePolicy, T> read, Func<EtiquettePolicy, T, EtiquettePolicy> with)
        : base(name, formPosition)
    {
        _read = read;
        _with = with;
    }

    /// <summary>The spec's value (<see cref="EtiquettePolicy.Default"/>), which the forms recommend.</summary>
    public T Recommended => _read(EtiquettePolicy.Default);

    /// <summary>The setting's value in <paramref name="policy"/>.</summary>
    /// <param name="policy">A policy.</param>
    /// <returns>The value.</returns>
    public T Read(EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return _read(policy);
    }

    /// <summary><paramref name="policy"/> with this setting set to <paramref name="value"/>.</summary>
    /// <param name="policy">A policy.</param>
    /// <param name="value">The new value (not checked: see <see cref="PolicyLimits"/>).</param>
    /// <returns>The changed policy.</returns>
    public EtiquettePolicy With(EtiquettePolicy policy, T value)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return _with(policy, value);
    }

    /// <inheritdoc/>
    public override EtiquettePolicy CopyFrom(EtiquettePolicy source, EtiquettePolicy policy) => With(policy, Read(source));
}

/// <summary>
/// A whole-number setting, with the two limits that apply to it: the <see cref="Floor"/> below which the rules
/// cannot run (<see cref="PolicyLimits.EnsureUsable"/>), and the <see cref="Min"/>..<see cref="Max"/> a person may
/// choose (<see cref="PolicyLimits.Check"/>).
/// </summary>
public sealed class PolicyNumber : PolicySetting<int>
{
    private readonly Func<EtiquettePolicy, int>? _notBelow;

    internal PolicyNumber(
        string name, int formPosition, Func<EtiquettePolicy, int> read, Func<EtiquettePolicy, int, EtiquettePolicy> with,
        int floor, int min, int max, Func<EtiquettePolicy, int>? notBelow = null)
        : base(name, formPosition, read, with)
    {
        Floor = floor;
        Min = min;
        Max = max;
        _notBelow = notBelow;
    }

    /// <summary>The smallest value the rules run with, unless the setting closes a span (<see cref="ClosesSpan"/>).</summary>
    public int Floor { get; }

    /// <summary>The smallest value a person may choose.</summary>
    public int Min { get; }

    /// <summary>The largest value a person may choose.</summary>
    public int Max { get; }

    /// <summary>
    /// Whether the setting is the "by the end of" half of a pair (e.g. retry due after retry after): then it may
    /// not be smaller than its partner, which is also its floor.
    /// </summary>
    public bool ClosesSpan => _notBelow is not null;

    /// <summary>The smallest value the rules run with in <paramref name="policy"/>: the partner's value for a span's end, else <see cref="Floor"/>.</summary>
    /// <param name="policy">The policy the setting belongs to.</param>
    /// <returns>The floor in that policy.</returns>
    public int FloorIn(EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return _notBelow is { } partner ? partner(policy) : Floor;
    }
}
