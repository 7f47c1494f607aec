namespace JepBot.Retention;

/// <summary>A state store that can forget conversations and users nobody has written to for a while.</summary>
public interface IStateRetention
{
    /// <summary>Deletes every state item last written before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteStateUnchangedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
