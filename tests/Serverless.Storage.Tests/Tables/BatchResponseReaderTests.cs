using Serverless.Storage.Tables.Transactions;

namespace Serverless.Storage.Tests.Tables;

/// <summary>Transaction responses in the form Azure documents, read without a server.</summary>
public sealed class BatchResponseReaderTests
{
    private const string ContentType = "multipart/mixed; boundary=batchresponse_e69b1c6c-50e5-4a9c-a5b4-93c9be7de4a4";

    [Fact]
    public void A_failed_changeset_yields_the_failing_response_and_the_index_from_its_message()
    {
        var body =
            "--batchresponse_e69b1c6c-50e5-4a9c-a5b4-93c9be7de4a4\r\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_ca1a0e6d-5ed3-4d81-931e-0a7e2d0d2ef2\r\n\r\n" +
            "--changesetresponse_ca1a0e6d-5ed3-4d81-931e-0a7e2d0d2ef2\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 404 Not Found\r\nContent-ID: 4\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\n" +
            "DataServiceVersion: 3.0;\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The specified resource does not exist.\\nRequestId:1\\nTime:2013-08-22T01:12:06.2608595Z\"}}}\r\n" +
            "--changesetresponse_ca1a0e6d-5ed3-4d81-931e-0a7e2d0d2ef2--\r\n" +
            "--batchresponse_e69b1c6c-50e5-4a9c-a5b4-93c9be7de4a4--\r\n";

        var item = Assert.Single(BatchResponseReader.Read(ContentType, body, "req"));

        Assert.Equal(404, item.Status);
        Assert.Equal("Not Found", item.ReasonPhrase);
        Assert.Equal(3, BatchResponseReader.FailedIndex(item));
    }

    [Fact]
    public void A_successful_changeset_yields_one_response_per_action_with_its_etag()
    {
        var body =
            "--batchresponse_e69b1c6c-50e5-4a9c-a5b4-93c9be7de4a4\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_1\n\n" +
            "--changesetresponse_1\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n" +
            "HTTP/1.1 204 No Content\nETag: W/\"datetime'2024-01-01T00%3A00%3A00.1234567Z'\"\n\n\n" +
            "--changesetresponse_1\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n" +
            "HTTP/1.1 204 No Content\nDataServiceVersion: 1.0;\n\n\n" +
            "--changesetresponse_1--\n--batchresponse_e69b1c6c-50e5-4a9c-a5b4-93c9be7de4a4--\n";

        var items = BatchResponseReader.Read(ContentType, body, "req");

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(204, i.Status));
        Assert.Equal("W/\"datetime'2024-01-01T00%3A00%3A00.1234567Z'\"", items[0].Headers.ETag.ToString());
        Assert.Null(items[1].Headers.ETag);
    }
}
