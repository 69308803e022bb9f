namespace Emigrate.Domain.Registration;

/// <summary>The job abroad.</summary>
/// <param name="Employer">Foreign employer's name.</param>
/// <param name="Title">Job title.</param>
/// <param name="MonthlySalary">Monthly salary, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>AED</c>.</param>
/// <param name="ContractYears">Contract length: 2 or 3 years, the two PBBY policy terms.</param>
/// <param name="IntendedDeparture">Intended date of departure from India.</param>
public sealed record JobOffer(string Employer, string Title, decimal MonthlySalary, string Currency, int ContractYears, DateOnly IntendedDeparture)
{
    /// <summary>The day the contract period ends, counted from the intended departure.</summary>
    public DateOnly ContractEnd => IntendedDeparture.AddYears(ContractYears);
}
