namespace Emigrate.Domain.Documents;

/// <summary>The file formats we accept for documents.</summary>
public enum DocumentFormat
{
    /// <summary>PDF, <c>application/pdf</c>.</summary>
    Pdf,

    /// <summary>JPEG, <c>image/jpeg</c>.</summary>
    Jpeg,

    /// <summary>PNG, <c>image/png</c>.</summary>
    Png,
}
