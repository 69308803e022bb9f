using System.Globalization;
using Azure;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Medical;

/// <summary>How a booking went.</summary>
public enum BookingStatus
{
    /// <summary>A slot is reserved for the case.</summary>
    Booked,

    /// <summary>The centre has no free slot that day; nothing is held for the case.</summary>
    Full,

    /// <summary>Another booking of the case for the same round came first (or is under way).</summary>
    AlreadyBooked,
}

/// <summary>A booking's outcome.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Appointment">The appointment when booked, or the earlier one when already booked and known.</param>
public sealed record BookingOutcome(BookingStatus Status, Appointment? Appointment);

public sealed partial class MedicalSlotStore
{
    // A claim that never got its slot (the process died in between) stops blocking the case after this long.
    private static readonly TimeSpan AbandonedClaim = TimeSpan.FromMinutes(2);

    /// <summary>Booking claims (PK case id, RK booking round + "|" + case id): one booking per case and round.</summary>
    public TableClient Bookings { get; } = service.GetTableClient(prefix + "MedicalBookings");

    /// <summary>
    /// Books a slot for the case, exclusively per <paramref name="round"/>: the claim row is inserted before a slot
    /// is counted, so two concurrent bookings of one case cannot both take a slot; a full day releases the claim.
    /// </summary>
    /// <param name="centreId">The centre.</param>
    /// <param name="date">The day.</param>
    /// <param name="capacity">The centre's daily capacity.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="round">Which booking of the case this is (a rebooking after a no-show is a new round).</param>
    /// <param name="name">The applicant's name for the centre's list.</param>
    /// <param name="now">The current time, to recognise an abandoned claim.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<BookingOutcome> BookAsync(
        string centreId, DateOnly date, int capacity, string caseId, string round, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(caseId, ClaimRow(caseId, round)) { ["CentreId"] = centreId, ["Date"] = Day(date), ["Slot"] = 0 };
        if (!await this.ClaimAsync(claim, now, cancellationToken))
        {
            return await this.ExistingAsync(caseId, round, cancellationToken);
        }

        Appointment? appointment = await this.ReserveAsync(centreId, date, capacity, caseId, name, cancellationToken);
        if (appointment is null)
        {
            await this.Bookings.DeleteEntityAsync(caseId, ClaimRow(caseId, round), ETag.All, cancellationToken);
            return new BookingOutcome(BookingStatus.Full, null);
        }

        claim["Slot"] = appointment.Slot;
        await this.Bookings.UpsertEntityAsync(claim, TableUpdateMode.Replace, cancellationToken);
        return new BookingOutcome(BookingStatus.Booked, appointment);
    }

    /// <summary>True when this call now holds the case's claim for the round.</summary>
    private async Task<bool> ClaimAsync(TableEntity claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await this.Bookings.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            NullableResponse<TableEntity> held = await this.Bookings.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            if (!held.HasValue || held.Value!.GetInt32("Slot") is > 0 || held.Value.Timestamp is not { } at || now - at < AbandonedClaim)
            {
                return false;
            }

            try
            {
                await this.Bookings.UpdateEntityAsync(claim, held.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException taken) when (taken.Status is 404 or 412)
            {
                return false;
            }
        }
    }

    /// <summary>A claim's row key: the round and the case id, unique across the table (Azurite reads a row key first).</summary>
    private static string ClaimRow(string caseId, string round) => round + "|" + caseId;

    private async Task<BookingOutcome> ExistingAsync(string caseId, string round, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> held = await this.Bookings.GetEntityIfExistsAsync<TableEntity>(caseId, ClaimRow(caseId, round), cancellationToken: cancellationToken);
        if (held.HasValue && held.Value!.GetInt32("Slot") is int slot and > 0
            && DateOnly.TryParseExact(held.Value.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return new BookingOutcome(BookingStatus.AlreadyBooked, new Appointment(caseId, "", day, slot));
        }

        return new BookingOutcome(BookingStatus.AlreadyBooked, null);
    }
}
