using System.Globalization;
using System.Text.Json;
using Emigrate.Domain;
using Emigrate.Domain.Documents;

namespace Emigrate.Data.Documents;

/// <summary>
/// The case row's copy of its documents' latest states (property <see cref="Property"/>), so that
/// <c>GET /api/cases/{id}</c> is one point read instead of seven. The Documents table stays the record; this is a
/// read model that follows it (see <see cref="DocumentStore"/>).
/// </summary>
internal static class CaseDocumentsView
{
    /// <summary>The case row property holding the copy; a row without it has no copy yet (read the Documents table).</summary>
    public const string Property = "Documents";

    /// <summary>The copy of no documents, written with a new case.</summary>
    public const string Empty = "{}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The copy's text, in document type order, so equal states give equal text.</summary>
    public static string Serialize(IEnumerable<DocumentState> states) =>
        JsonSerializer.Serialize(
            states.OrderBy(s => s.Type).ToDictionary(
                s => WireNames.Of(s.Type),
                s => new Copy(s.Version, s.Size, s.Sha256, s.ContentType, WireNames.Of(s.State), s.Reason, s.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            Json);

    /// <summary>The states of a copy, or <see langword="null"/> when there is none or it does not parse.</summary>
    public static IReadOnlyDictionary<DocumentType, DocumentState>? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        Dictionary<string, Copy>? copies;
        try
        {
            copies = JsonSerializer.Deserialize<Dictionary<string, Copy>>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        var states = new Dictionary<DocumentType, DocumentState>();
        foreach ((string typeName, Copy copy) in copies ?? [])
        {
            if (!WireNames.TryParse(typeName, out DocumentType type))
            {
                return null;
            }

            DocumentReviewState state = WireNames.TryParse(copy.State, out DocumentReviewState reviewed) ? reviewed : DocumentReviewState.PendingReview;
            DateOnly? expiry = DateOnly.TryParseExact(copy.ExpiryDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed) ? parsed : null;
            states[type] = new DocumentState(type, copy.Version, copy.Size, copy.Sha256 ?? "", copy.ContentType ?? "", state, copy.Reason, expiry);
        }

        return states;
    }

    private sealed record Copy(int Version, long Size, string? Sha256, string? ContentType, string? State, string? Reason, string? ExpiryDate);
}
