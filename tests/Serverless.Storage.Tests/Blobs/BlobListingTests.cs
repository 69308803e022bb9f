using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobListingTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "listing")
{
    private static readonly string[] CaseOneDocuments = ["case-1/a.pdf", "case-1/b.pdf", "case-1/c.pdf", "case-1/d.pdf", "case-1/e.pdf"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var name in CaseOneDocuments.Concat(["case-10/x.pdf", "case-2/y.pdf"]))
        {
            await Container.GetBlobClient(name).UploadAsync(
                BinaryData.FromString(name),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["source"] = name.Replace('/', '_').Replace('.', '_').Replace('-', '_') } });
        }
    }

    [Fact]
    public async Task Listing_by_prefix_returns_only_matching_blobs_in_name_order()
    {
        var names = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(prefix: "case-1/"))
        {
            names.Add(item.Name);
        }

        Assert.Equal(CaseOneDocuments, names);
    }

    [Fact]
    public async Task Listing_follows_the_continuation_across_more_than_one_page()
    {
        var pages = new List<IReadOnlyList<string>>();
        await foreach (var page in Container.GetBlobsAsync(prefix: "case-1/").AsPages(pageSizeHint: 2))
        {
            pages.Add([.. page.Values.Select(b => b.Name)]);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(CaseOneDocuments, pages.SelectMany(p => p));
        Assert.Equal(3, Requests.Entries.Count(e => e.Comp == "list"));
    }

    [Fact]
    public async Task Listing_resumes_from_a_continuation_token_in_a_new_enumeration()
    {
        string? token = null;
        await foreach (var page in Container.GetBlobsAsync(prefix: "case-1/").AsPages(pageSizeHint: 2))
        {
            token = page.ContinuationToken;
            break;
        }

        var rest = new List<string>();
        await foreach (var page in Container.GetBlobsAsync(prefix: "case-1/").AsPages(token, pageSizeHint: 2))
        {
            rest.AddRange(page.Values.Select(b => b.Name));
        }

        Assert.NotNull(token);
        Assert.Equal(CaseOneDocuments[2..], rest);
    }

    [Fact]
    public async Task Last_page_has_no_continuation_token()
    {
        var tokens = new List<string?>();
        await foreach (var page in Container.GetBlobsAsync(prefix: "case-1/").AsPages(pageSizeHint: 5))
        {
            tokens.Add(page.ContinuationToken);
        }

        Assert.Equal([null], tokens);
    }

    [Fact]
    public async Task Listing_with_the_metadata_trait_returns_each_blobs_metadata_and_otherwise_none()
    {
        var withMetadata = await ToListAsync(Container.GetBlobsAsync(BlobTraits.Metadata, prefix: "case-2/"));
        var without = await ToListAsync(Container.GetBlobsAsync(prefix: "case-2/"));

        Assert.Equal("case_2_y_pdf", Assert.Single(withMetadata).Metadata["source"]);
        Assert.Empty(Assert.Single(without).Metadata);
    }

    [Fact]
    public async Task Listed_properties_match_the_blobs_own_properties()
    {
        var blob = Container.GetBlobClient("case-2/y.pdf");
        var properties = (await blob.GetPropertiesAsync()).Value;

        var item = Assert.Single(await ToListAsync(Container.GetBlobsAsync(prefix: "case-2/")));

        Assert.Equal(properties.ETag, item.Properties.ETag);
        Assert.Equal(properties.ContentLength, item.Properties.ContentLength);
        Assert.Equal(properties.LastModified, item.Properties.LastModified);
        Assert.Equal(BlobType.Block, item.Properties.BlobType);
        Assert.Equal(LeaseState.Available, item.Properties.LeaseState);
    }

    [Fact]
    public async Task Listing_a_prefix_nothing_matches_yields_one_empty_page()
    {
        var pages = 0;
        var items = 0;
        await foreach (var page in Container.GetBlobsAsync(prefix: "nothing/").AsPages())
        {
            pages++;
            items += page.Values.Count;
        }

        Assert.Equal(1, pages);
        Assert.Equal(0, items);
    }

    private static async Task<List<BlobItem>> ToListAsync(Azure.AsyncPageable<BlobItem> pageable)
    {
        var items = new List<BlobItem>();
        await foreach (var item in pageable)
        {
            items.Add(item);
        }

        return items;
    }
}
