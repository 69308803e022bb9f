using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;

namespace Emigrate.Tests.Domain.Registration;

public sealed class AgeAndOccupationTests
{
    [Theory]
    [InlineData("1995-04-12", "2025-04-11", 29)]
    [InlineData("1995-04-12", "2025-04-12", 30)]
    [InlineData("2000-02-29", "2018-02-27", 17)]
    [InlineData("2000-02-29", "2018-02-28", 18)]
    [InlineData("2000-02-29", "2020-02-29", 20)]
    public void Age_counts_completed_years(string birth, string on, int age) =>
        Assert.Equal(age, Age.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("nurse", true)]
    [InlineData("NURSES", true)]
    [InlineData("ICU Nurse (GNM)", true)]
    [InlineData("staff नर्स", true)]
    [InlineData("nursery teacher", false)]
    [InlineData("Driver", false)]
    public void Nurse_is_recognised_as_a_word_in_the_occupation(string occupation, bool nurse) =>
        Assert.Equal(nurse, Occupations.IsNurse(occupation));
}
