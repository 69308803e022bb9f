using System.Globalization;
using Azure;
using Emigrate.Domain.Medical;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Medical;

/// <summary>One appointment at a centre.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Name">The applicant's name (the only personal data a centre sees).</param>
/// <param name="Date">The day.</param>
/// <param name="Slot">The slot number of the day (1 first).</param>
public sealed record Appointment(string CaseId, string Name, DateOnly Date, int Slot);

/// <summary>
/// Daily slot counters of medical centres (PK centre id, RK day) and their appointments (PK centre id and day, RK
/// case id). A booking claims a slot by an ETag-guarded increment, so concurrent bookings never exceed capacity.
/// </summary>
public sealed partial class MedicalSlotStore(TableServiceClient service, string prefix = "")
{
    /// <summary>The slot counters.</summary>
    public TableClient Slots { get; } = service.GetTableClient(prefix + "MedicalSlots");

    /// <summary>The appointments.</summary>
    public TableClient Appointments { get; } = service.GetTableClient(prefix + "MedicalAppointments");

    /// <summary>Creates the tables when missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await this.Slots.CreateIfNotExistsAsync(cancellationToken);
        await this.Appointments.CreateIfNotExistsAsync(cancellationToken);
        await this.Bookings.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>Appointments booked at the centre on the day.</summary>
    public async Task<int> BookedAsync(string centreId, DateOnly date, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.Slots.GetEntityIfExistsAsync<TableEntity>(centreId, Day(date), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("Booked") ?? 0 : 0;
    }

    /// <summary>Reserves a slot for the case; null when the day is full.</summary>
    /// <remarks>Not exclusive per case: the portal books through <see cref="BookAsync"/>.</remarks>
    public async Task<Appointment?> ReserveAsync(string centreId, DateOnly date, int capacity, string caseId, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            NullableResponse<TableEntity> row = await this.Slots.GetEntityIfExistsAsync<TableEntity>(centreId, Day(date), cancellationToken: cancellationToken);
            int booked = row.HasValue ? row.Value!.GetInt32("Booked") ?? 0 : 0;
            if (!MedicalRules.HasRoom(booked, capacity))
            {
                return null;
            }

            var next = new TableEntity(centreId, Day(date)) { ["Booked"] = booked + 1 };
            try
            {
                if (row.HasValue)
                {
                    await this.Slots.UpdateEntityAsync(next, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await this.Slots.AddEntityAsync(next, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                continue;
            }

            var appointment = new Appointment(caseId, name, date, booked + 1);
            await this.Appointments.UpsertEntityAsync(
                new TableEntity(centreId + "|" + Day(date), caseId) { ["Name"] = name, ["Slot"] = appointment.Slot },
                TableUpdateMode.Replace,
                cancellationToken);
            return appointment;
        }
    }

    /// <summary>The centre's appointments of a day.</summary>
    public async Task<IReadOnlyList<Appointment>> AppointmentsAsync(string centreId, DateOnly date, CancellationToken cancellationToken)
    {
        var found = new List<Appointment>();
        string partition = centreId + "|" + Day(date);
        await foreach (TableEntity e in this.Appointments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            found.Add(new Appointment(e.RowKey, e.GetString("Name") ?? "", date, e.GetInt32("Slot") ?? 0));
        }

        return found.OrderBy(a => a.Slot).ToList();
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
