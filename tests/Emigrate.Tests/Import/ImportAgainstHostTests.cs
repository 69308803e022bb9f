using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emigrate.Import;
using Emigrate.Tests.Portal;
using Serverless.Testing;

namespace Emigrate.Tests.Import;

/// <summary>The <c>import</c> verb against the real portal host on Azurite: good rows, bad rows, and a safe re-run.</summary>
[Collection(PortalCollection.Name)]
public sealed class ImportAgainstHostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "name,dateOfBirth,gender,occupation,mobile,preferredLanguage,passport.number,passport.issueDate,passport.expiryDate,passport.category,aadhaar,address.line1,address.district,address.state,address.pinCode,destinationCountry,recruitment.route,recruitment.agentRegistrationNumber,recruitment.jobId,job.employer,job.title,job.monthlySalary,job.currency,job.contractYears,job.intendedDeparture";

    private readonly string directory = Directory.CreateTempSubdirectory("emigrate-import-").FullName;
    private PortalHost host = null!;

    public async Task InitializeAsync() => this.host = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        await this.host.DisposeAsync();
        Directory.Delete(this.directory, recursive: true);
    }

    [Fact]
    public async Task A_camp_file_registers_its_good_rows_reports_its_bad_rows_and_a_rerun_creates_no_duplicate()
    {
        string departure = PortalJourney.Day(90);
        string file = Path.Combine(this.directory, "camp.csv");
        await File.WriteAllLinesAsync(file,
        [
            Header,
            $"Ramesh Kumar,1994-03-12,male,Mason,9876543210,hi,K5151515,2022-05-10,2032-05-09,ECR,,\"House 12, Ward 4\",Mumbai,Maharashtra,400017,AE,agent,B-0123/MUM/PER/1000+/5/8765/2019,,Al Noor Contracting LLC,Mason,1800,AED,2,{departure}",
            $"Bad Mobile,1990-11-02,male,Electrician,12345,en,L5252525,2021-01-20,2031-01-19,ECR,,Village Barhampur,Gorakhpur,Uttar Pradesh,273001,SA,employer,,JOB-SA-2026-4411,Saudi Build Co,Electrician,2200,SAR,2,{departure}",
            $"Suresh Yadav,1990-11-02,male,Electrician,+91 91234 56780,en,L5353535,2021-01-20,2031-01-19,ECR,,Village Barhampur,Gorakhpur,Uttar Pradesh,273001,SA,employer,,JOB-SA-2026-4411,Saudi Build Co,Electrician,2200,SAR,2,{departure}",
            $"Libya Bound,1990-11-02,male,Electrician,9123456781,en,L5454545,2021-01-20,2031-01-19,ECR,,Village Barhampur,Gorakhpur,Uttar Pradesh,273001,LY,employer,,JOB-LY-1,Tripoli Co,Electrician,2200,LYD,2,{departure}",
            "Short Row,1990-11-02",
        ]);
        string[] args = ["--file", file, "--url", this.host.Client.BaseAddress!.ToString(), "--key", PortalHost.CscKey];

        var (exit, output, error) = await RunAsync(args);

        Assert.True(exit == 1, $"exit {exit}: {output} {error}");
        string report = await File.ReadAllTextAsync(Path.Combine(this.directory, "camp.rejected.csv"));
        Assert.Contains("mobile", report, StringComparison.Ordinal);
        Assert.Contains("destinationCountry", report, StringComparison.Ordinal);
        Assert.Contains("fields", report, StringComparison.Ordinal);
        Assert.DoesNotContain("K5151515", report, StringComparison.Ordinal);
        Assert.Equal(2, (await this.CaseIdsAsync()).Count);
        Assert.Contains("line 3", error, StringComparison.Ordinal);

        var (rerunExit, rerunOutput, rerunError) = await RunAsync(args);

        Assert.True(rerunExit == 1, $"exit {rerunExit}: {rerunOutput} {rerunError}");
        Assert.Equal(2, (await this.CaseIdsAsync()).Count);
    }

    [Fact]
    public async Task The_importer_reports_each_row_and_names_the_existing_case_on_a_rerun()
    {
        string departure = PortalJourney.Day(90);
        string csv = Header + "\n" +
            $"Asha Devi,1990-01-01,female,Nurse,9812345670,hi,N5656565,2021-01-20,2031-01-19,ECR,,Ward 2,Mumbai,Maharashtra,400017,AE,agent,B-0123/MUM/PER/1000+/5/8765/2019,,Al Noor Hospital,Nurse,3000,AED,2,{departure}\n";
        using var http = new HttpClient { BaseAddress = this.host.Client.BaseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", PortalHost.CscKey);
        var importer = new CaseImporter(http, TimeSpan.Zero);

        var first = Assert.Single(await importer.ImportAsync(new StringReader(csv), null, CancellationToken.None));
        var second = Assert.Single(await importer.ImportAsync(new StringReader(csv), null, CancellationToken.None));

        Assert.Equal(ImportStatus.Registered, first.Status);
        Assert.Equal(ImportStatus.AlreadyRegistered, second.Status);
        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal([first.CaseId!], await this.CaseIdsAsync());
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await new ImportCommand().RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<List<string>> CaseIdsAsync()
    {
        using var response = await this.host.SendAsync(HttpMethod.Get, "/api/cases", PortalHost.CscKey);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()).ToList();
    }
}
