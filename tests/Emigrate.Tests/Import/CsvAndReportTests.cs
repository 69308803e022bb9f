using Emigrate.Import;

namespace Emigrate.Tests.Import;

public sealed class CsvAndReportTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_line()
    {
        var csv = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\n3,,z";

        var records = CsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["2", "two\nlines", ""], records[2].Fields);
        Assert.Equal(["3", "", "z"], records[3].Fields);
        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void An_unclosed_quote_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => CsvReader.Read(new StringReader("a,b\n1,\"open")).ToList());
    }

    [Fact]
    public void A_row_becomes_the_nested_registration_body_with_numbers_for_salary_and_years_and_blank_cells_left_out()
    {
        string[] header = ["name", "mobile", "passport.number", "aadhaar", "job.monthlySalary", "job.contractYears", "address.pinCode"];
        string[] row = ["Ramesh Kumar", "09876543210", " k1234567 ", "", "1800.50", "2", "841226"];

        var body = RegistrationColumns.ToBody(header, row).ToJsonString();

        Assert.Equal(
            """{"name":"Ramesh Kumar","mobile":"09876543210","passport":{"number":"k1234567"},"job":{"monthlySalary":1800.50,"contractYears":2},"address":{"pinCode":"841226"}}""",
            body);
    }

    [Fact]
    public void A_header_with_unknown_or_repeated_columns_or_without_the_passport_is_refused()
    {
        var problems = RegistrationColumns.CheckHeader(["name", "name", "passport.numbr"]);

        Assert.Equal(3, problems.Count);
        Assert.Empty(RegistrationColumns.CheckHeader(RegistrationColumns.All));
    }

    [Fact]
    public void The_sample_file_has_exactly_the_documented_columns()
    {
        var sample = Path.Combine(Serverless.Testing.RepositoryRoot.Path, "functions", "Emigrate", "Import", "camp-sample.csv");
        using var reader = new StreamReader(sample);

        var records = CsvReader.Read(reader).ToList();

        Assert.Equal(RegistrationColumns.All, records[0].Fields);
        Assert.All(records.Skip(1), r => Assert.Equal(RegistrationColumns.All.Count, r.Fields.Count));
    }

    [Fact]
    public void The_report_lists_only_rows_that_need_attention_with_their_errors()
    {
        ImportOutcome[] outcomes =
        [
            new(2, "K12XXX67", ImportStatus.Registered, "EM0000000000", []),
            new(3, "L76XXX21", ImportStatus.AlreadyRegistered, "EM1111111111", []),
            new(4, "M11XXX11", ImportStatus.Rejected, null, ["mobile: Must be an Indian mobile number.", "passport.number: Required, with a comma"]),
            new(5, "N22XXX22", ImportStatus.Failed, null, ["HTTP 503 Service Unavailable"]),
        ];
        var writer = new StringWriter { NewLine = "\n" };

        ImportReport.WriteRejected(writer, outcomes);

        Assert.Equal(
            "line,passport,status,errors\n" +
            "4,M11XXX11,rejected,\"mobile: Must be an Indian mobile number.; passport.number: Required, with a comma\"\n" +
            "5,N22XXX22,failed,HTTP 503 Service Unavailable\n",
            writer.ToString());
        Assert.Equal("4 rows: 1 registered, 1 already registered, 1 rejected, 1 failed.", ImportReport.Summary(outcomes));
        Assert.Equal("already registered (case id EM1111111111)", outcomes[1].Describe());
    }

    [Fact]
    public void The_progress_bar_shows_rows_done_of_the_total()
    {
        Assert.Equal("[#####-----]     5/10 rows, 1 rejected", ProgressBar.Render(5, 10, 1, width: 10));
    }
}
