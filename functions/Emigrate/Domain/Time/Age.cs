namespace Emigrate.Domain.Time;

/// <summary>Age in completed years, the way Indian forms count it.</summary>
public static class Age
{
    /// <summary>
    /// Completed years from <paramref name="birth"/> to <paramref name="on"/>. Someone born on 29 February
    /// becomes a year older on 28 February in common years.
    /// </summary>
    public static int On(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        return on < birth.AddYears(years) ? years - 1 : years;
    }
}
