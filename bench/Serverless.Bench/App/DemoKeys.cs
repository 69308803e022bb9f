namespace Serverless.Bench.App;

/// <summary>The demo role keys of the sample settings and the organisations they stand for.</summary>
internal sealed record DemoKeys(string Csc, string CscId, string Verifier, string PoeOffice, string Medical, string MedicalCentreId, string Insurer, string InsurerId, string Poe)
{
    public static DemoKeys Of(AppHost host) => new(
        host.KeyOf("csc-operator"),
        host.OrgOf("csc-operator"),
        host.KeyOf("verifier"),
        host.OrgOf("verifier"),
        host.KeyOf("medical-centre"),
        host.OrgOf("medical-centre"),
        host.KeyOf("insurer"),
        host.OrgOf("insurer"),
        host.KeyOf("poe-officer"));
}
