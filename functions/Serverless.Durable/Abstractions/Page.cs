namespace Serverless.Durable;

/// <summary>One page of a paged query.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Values">The items of the page.</param>
/// <param name="ContinuationToken">The token for the next page; <see langword="null"/> on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Values, string? ContinuationToken)
    where T : notnull;
