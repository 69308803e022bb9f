using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Emigrate.Domain.Medical;

/// <summary>A fit certificate: valid for <see cref="MedicalRules.ValidityDays"/> days from the examination.</summary>
public sealed partial record MedicalCertificate
{
    private MedicalCertificate(string reference, DateOnly examinedOn)
    {
        Reference = reference;
        ExaminedOn = examinedOn;
    }

    /// <summary>The centre's certificate reference.</summary>
    public string Reference { get; }

    /// <summary>Date of the examination.</summary>
    public DateOnly ExaminedOn { get; }

    /// <summary>The first day the certificate is no longer valid.</summary>
    public DateOnly ExpiresOn => ExaminedOn.AddDays(MedicalRules.ValidityDays);

    /// <summary>Whether the certificate is valid on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => date >= ExaminedOn && date < ExpiresOn;

    /// <summary>
    /// A certificate from what the centre posted: a reference of 3–50 letters, digits or <c>/ _ . -</c>, and an
    /// examination date not after <paramref name="today"/>.
    /// </summary>
    public static bool TryCreate(string? reference, DateOnly examinedOn, DateOnly today, [NotNullWhen(true)] out MedicalCertificate? certificate)
    {
        var trimmed = reference?.Trim();
        certificate = trimmed is not null && ReferencePattern().IsMatch(trimmed) && examinedOn <= today
            ? new MedicalCertificate(trimmed, examinedOn)
            : null;
        return certificate is not null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/_.\-]{2,49}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
