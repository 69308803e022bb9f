using System.Globalization;
using Emigrate.Data.Cases;
using Emigrate.Data.Medical;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Medical;
using Emigrate.Domain.Reference;
using Emigrate.Domain.Time;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary>The body of a booking.</summary>
public sealed class BookingBody
{
    /// <summary>The centre id.</summary>
    public string? CentreId { get; init; }

    /// <summary>The day, yyyy-MM-dd.</summary>
    public string? Date { get; init; }
}

/// <summary>The body of a medical result.</summary>
public sealed class MedicalResultBody
{
    /// <summary><c>fit</c>, <c>unfit</c> or <c>noShow</c>.</summary>
    public string? Result { get; init; }

    /// <summary>The certificate reference (required when fit).</summary>
    public string? CertificateRef { get; init; }
}

/// <summary>Medical centres, bookings, appointments and results.</summary>
public sealed class MedicalFunctions(CaseStore cases, MedicalSlotStore slots, ReferenceData reference, TimeProvider time)
{
    /// <summary><c>GET /api/medical-centres?city=&amp;date=</c>: centres and their free slots that day.</summary>
    [Function("ListMedicalCentres")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Centres(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "medical-centres")] HttpRequest request,
        FunctionContext context)
    {
        if (!Portal.TryDate(request.Query["date"], out DateOnly date))
        {
            return Portal.Invalid("date", "Give the day as yyyy-MM-dd.");
        }

        string? city = request.Query["city"];
        var result = new List<object>();
        foreach (MedicalCentre centre in reference.MedicalCentres.Where(c => string.IsNullOrEmpty(city) || string.Equals(c.City, city, StringComparison.OrdinalIgnoreCase)))
        {
            int booked = await slots.BookedAsync(centre.Id, date, context.CancellationToken);
            result.Add(new { id = centre.Id, name = centre.Name, city = centre.City, dailyCapacity = centre.DailyCapacity, freeSlots = Math.Max(0, centre.DailyCapacity - booked) });
        }

        return Results.Ok(new { date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), centres = result });
    }

    /// <summary><c>POST /api/cases/{caseId}/medical/booking</c>: reserves a slot (never beyond capacity), then tells the case.</summary>
    [Function("BookMedical")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Book(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/medical/booking")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<BookingBody> call = await Portal.FindAndReadAsync<BookingBody>(cases, caseId, request, context, null, Roles.Csc);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out BookingBody? body))
        {
            return problem;
        }

        if (reference.FindMedicalCentre(body.CentreId ?? "") is not { } centre)
        {
            return Portal.Invalid("centreId", "Unknown medical centre.");
        }

        if (!Portal.TryDate(body.Date, out DateOnly date))
        {
            return Portal.Invalid("date", "Give the day as yyyy-MM-dd.");
        }

        if (MedicalRules.CheckBookingDate(date, IndiaTime.Today(time), IndiaTime.DateOf(record.ClearanceDue)) is { } dateProblem)
        {
            return Portal.Invalid("date", dateProblem);
        }

        if (CaseActions.Check(CaseAction.BookMedical, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        // One booking per time the case reached documentsVerified: concurrent bookings of the case share this round.
        string round = record.Stage.WireName() + "-" + record.UpdatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        BookingOutcome booking = await slots.BookAsync(centre.Id, date, centre.DailyCapacity, record.CaseId, round, ApplicantName(record), time.GetUtcNow(), context.CancellationToken);
        switch (booking.Status)
        {
            case BookingStatus.Full:
                return Portal.Conflict($"{centre.Name} has no free slot on {date:yyyy-MM-dd}.");
            case BookingStatus.AlreadyBooked:
                return Portal.Conflict(
                    "This case already has a medical booking; wait for its result before booking again.",
                    new Dictionary<string, object?> { ["date"] = booking.Appointment?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["slot"] = booking.Appointment?.Slot });
        }

        Appointment appointment = booking.Appointment!;

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.MedicalBooked)
        {
            CentreId = centre.Id,
            Date = date,
            AppointmentAt = IndiaTime.At(date, new TimeOnly(9, 0)),
        }, context.CancellationToken);
        return Results.Created(
            $"/api/medical-centres/{centre.Id}/appointments?date={date:yyyy-MM-dd}",
            new { caseId = record.CaseId, centreId = centre.Id, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), slot = appointment.Slot });
    }

    /// <summary><c>GET /api/medical-centres/{centreId}/appointments?date=</c>: that centre's appointments, name and case id only.</summary>
    [Function("ListAppointments")]
    [Authorize(Roles = Roles.MedicalCentre)]
    public async Task<IResult> Appointments(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "medical-centres/{centreId}/appointments")] HttpRequest request,
        string centreId,
        FunctionContext context)
    {
        if (context.GetCaller()!.OrganisationId != centreId || reference.FindMedicalCentre(centreId) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such medical centre.");
        }

        if (!Portal.TryDate(request.Query["date"], out DateOnly date))
        {
            return Portal.Invalid("date", "Give the day as yyyy-MM-dd.");
        }

        var found = await slots.AppointmentsAsync(centreId, date, context.CancellationToken);
        return Results.Ok(new { centreId, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), appointments = found.Select(a => new { caseId = a.CaseId, name = a.Name, slot = a.Slot }) });
    }

    /// <summary><c>POST /api/cases/{caseId}/medical/result</c>: the booked centre posts fit, unfit or no-show.</summary>
    [Function("PostMedicalResult")]
    [Authorize(Roles = Roles.MedicalCentre)]
    public async Task<IResult> Result(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/medical/result")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<MedicalResultBody> call = await Portal.FindAndReadAsync<MedicalResultBody>(cases, caseId, request, context, BookedAt, Roles.MedicalCentre);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out MedicalResultBody? body))
        {
            return problem;
        }

        MedicalResult? result = body.Result switch
        {
            "fit" => MedicalResult.Fit,
            "unfit" => MedicalResult.Unfit,
            "noShow" => MedicalResult.NoShow,
            _ => null,
        };
        if (result is null)
        {
            return Portal.Invalid("result", "Use fit, unfit or noShow.");
        }

        if (result == MedicalResult.Fit && (string.IsNullOrWhiteSpace(body.CertificateRef) || body.CertificateRef.Length > 64))
        {
            return Portal.Invalid("certificateRef", "A fit result needs the certificate reference (at most 64 characters).");
        }

        if (CaseActions.Check(CaseAction.PostMedicalResult, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.MedicalResult) { Result = result, CertificateRef = body.CertificateRef?.Trim() }, context.CancellationToken);
        return Results.Ok(new { caseId = record.CaseId, result = body.Result });
    }

    // Only the centre the case is booked at sees it; any other answers 404 like an unknown id.
    private static bool BookedAt(CaseRecord record, FunctionCaller caller) =>
        record.Facts.TryGetValue("MedicalCentreId", out string? centre) && centre == caller.OrganisationId;

    private static string ApplicantName(CaseRecord record) =>
        System.Text.Json.JsonSerializer.Deserialize<Domain.Registration.Applicant>(record.ApplicantJson, Domain.EmigrateJson.Options)!.Name;
}
