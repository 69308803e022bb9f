namespace Serverless.Functions;

/// <summary>Who called an HTTP function: the function key's id, its role and the organisation it acts for.</summary>
/// <param name="KeyId">The id of the function key used (never the key itself).</param>
/// <param name="Role">The role, e.g. <c>csc-operator</c>, <c>verifier</c>, <c>admin</c>.</param>
/// <param name="OrganisationId">The organisation: a CSC id, PoE office, centre id or insurer id; empty for <c>admin</c>.</param>
public sealed record FunctionCaller(string KeyId, string Role, string OrganisationId);
