using CartonaActors.Domain.Secrets;
using Serilog.Core;
using Serilog.Events;

namespace CartonaActors.Service.Logging;

/// <summary>
/// Masks the registered secrets in every string property of every log event, whoever wrote it: ASP.NET's request
/// scope adds the raw request path to each line logged while serving a request, so a secret a client put in a URL
/// would otherwise reach the log however carefully the line itself was written.
/// </summary>
public sealed class SecretScrubbingEnricher(SecretScrubber scrubber) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
            if (Scrub(value) is var clean && !ReferenceEquals(clean, value))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, clean));
    }

    /// <summary>The same instance when nothing changed, so clean events are not copied.</summary>
    private LogEventPropertyValue Scrub(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var clean = scrubber.Scrub(text);
                return clean == text ? value : new ScalarValue(clean);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Scrub).ToList();
                return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => Scrub(p.Value) is var v && ReferenceEquals(v, p.Value) ? p : new LogEventProperty(p.Name, v)).ToList();
                return properties.SequenceEqual(structure.Properties, ReferenceEqualityComparer.Instance) ? value : new StructureValue(properties, structure.TypeTag);
            default:
                return value;
        }
    }
}
