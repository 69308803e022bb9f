namespace Serverless.Storage.Tests.Core;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Development_storage_points_at_azurite_default_ports_path_style()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
    }

    [Fact]
    public void Account_key_form_builds_host_style_endpoints_from_protocol_and_suffix()
    {
        var cs = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=https;AccountName=emigrate;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://emigrate.blob.core.windows.net"), cs.BlobEndpoint);
        Assert.Equal(new Uri("https://emigrate.queue.core.windows.net"), cs.QueueEndpoint);
        Assert.Equal(new Uri("https://emigrate.table.core.windows.net"), cs.TableEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_the_suffix()
    {
        var cs = StorageConnectionString.Parse(
            "AccountName=acct;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:5000/acct/;QueueEndpoint=http://127.0.0.1:5001/acct;TableEndpoint=http://127.0.0.1:5002/acct");

        Assert.Equal(new Uri("http://127.0.0.1:5000/acct"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5002/acct"), cs.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountKey=a2V5")]
    [InlineData("AccountName=acct")]
    [InlineData("AccountName=acct;AccountKey=not base64!")]
    [InlineData("AccountName")]
    public void Incomplete_or_malformed_strings_are_rejected(string value) =>
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(value));
}
