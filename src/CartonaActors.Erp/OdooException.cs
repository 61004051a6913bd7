namespace CartonaActors.Erp;

/// <summary>An Odoo call failed. Messages name the database and user where useful, never the API key.</summary>
public abstract class OdooException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether calling again later may succeed (server or network trouble, not a refusal).</summary>
    public abstract bool IsTransient { get; }
}

/// <summary><c>authenticate</c> refused the login and key, or a call answered AccessDenied.</summary>
public sealed class OdooAuthenticationException(string message) : OdooException(message)
{
    public override bool IsTransient => false;
}

/// <summary>odoo.exceptions.AccessError: the user lacks rights on a model or record.</summary>
public sealed class OdooAccessException(string message) : OdooException(message)
{
    public override bool IsTransient => false;
}

/// <summary>odoo.exceptions.ValidationError / UserError, or a ValueError such as an invalid field.</summary>
public sealed class OdooValidationException(string message) : OdooException(message)
{
    public override bool IsTransient => false;
}

/// <summary>odoo.exceptions.MissingError: a record does not exist (any more).</summary>
public sealed class OdooMissingRecordException(string message) : OdooException(message)
{
    public override bool IsTransient => false;
}

/// <summary>Any other server error (database trouble after Odoo's own retries, bugs), or no usable answer
/// (timeout, connection refused, 5xx, body that is not JSON-RPC).</summary>
public sealed class OdooServerException(string message, Exception? inner = null) : OdooException(message, inner)
{
    public override bool IsTransient => true;
}
