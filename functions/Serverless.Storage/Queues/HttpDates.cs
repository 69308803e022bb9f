using System.Globalization;

namespace Serverless.Storage.Queues;

/// <summary>Parses the RFC 1123 dates the queue service uses in bodies and headers.</summary>
internal static class HttpDates
{
    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
